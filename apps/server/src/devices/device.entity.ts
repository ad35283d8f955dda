import type { DeviceKind } from '@lobbyflow/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A kiosk or display screen, authenticated by a per-branch key the server keeps only as a hash. */
@Entity('device')
export class DeviceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  branchId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DeviceKind;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  /** SHA-256 of the key: keys are long random strings, so a fast hash is enough. */
  @Column({ type: 'varchar', length: 64, unique: true })
  keyHash!: string;

  /** First characters of the key, to tell keys apart in the admin screen. */
  @Column({ type: 'varchar', length: 16 })
  keyPrefix!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;
}

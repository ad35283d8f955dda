import type { DeviceKind } from '@lobbyflow/contracts';
import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';

/** A kiosk or display screen, authenticated by a per-branch key the server keeps only as a hash. */
@Entity('device')
export class DeviceEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(16)
  kind!: DeviceKind;

  @TextColumn(128)
  name!: string;

  /** SHA-256 of the key: keys are long random strings, so a fast hash is enough. */
  @TextColumn(64, { unique: true })
  keyHash!: string;

  /** First characters of the key, to tell keys apart in the admin screen. */
  @TextColumn(16)
  keyPrefix!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;
}

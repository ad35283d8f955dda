import type { DeviceKind } from '@lobbyflow/contracts';
import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';

/**
 * A kiosk, display or counter rating pad, authenticated by a per-branch key the server keeps only as a
 * hash. A rating pad belongs to one counter: it takes ratings only for the visits served there.
 */
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

  /** The counter a rating pad stands on; null for kiosks and displays. */
  @RefColumn({ nullable: true })
  counterId!: string | null;

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

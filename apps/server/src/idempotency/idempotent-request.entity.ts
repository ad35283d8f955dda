import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';

/**
 * The first answer to a staff command sent with an `Idempotency-Key`, written in the command's own
 * transaction: a retry of the same request (same caller, route and body) gets this answer again instead
 * of running the command twice. Kept for the business day it was made on.
 */
@Entity('idempotent_request')
@Index('ux_idempotent_request_key', ['branchId', 'idempotencyKey'], { unique: true })
export class IdempotentRequestEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(128)
  idempotencyKey!: string;

  /** SHA-256 of the caller, method, path and body: the same key with anything else is refused. */
  @TextColumn(64)
  fingerprint!: string;

  /** The command's result as JSON, which the route turns into the response as it did the first time. */
  @Column({ type: 'text' })
  result!: string;

  @TextColumn(10)
  businessDay!: string;

  @InstantColumn()
  createdAt!: Date;
}

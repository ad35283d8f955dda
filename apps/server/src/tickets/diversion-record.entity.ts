import type { AdviceOutcome, Destination } from '@lobbyflow/contracts';
import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';

/** One piece of self-service advice and what the customer did with it (the diversion-rate KPI). */
@Entity('diversion_record')
@Index('ix_diversion_day', ['branchId', 'businessDay'])
@Index('ux_diversion_idempotency', ['branchId', 'businessDay', 'idempotencyKey'], { unique: true })
export class DiversionRecordEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(10)
  businessDay!: string;

  @TextColumn(32)
  businessType!: string;

  /** What the advice was (self-service for every record today; kept for other advice later). */
  @TextColumn(32)
  destination!: Destination;

  @TextColumn(16)
  outcome!: AdviceOutcome;

  @RefColumn({ nullable: true })
  ticketId!: string | null;

  @InstantColumn()
  at!: Date;

  /** The kiosk's key for this customer's choice: a retry finds the first record instead of a second. */
  @TextColumn(128, { nullable: true })
  idempotencyKey!: string | null;
}

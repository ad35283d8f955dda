import type {
  AdviceOutcome,
  Destination,
  DiversionSignal,
  PriorityClass,
  PriorityReason,
  TicketStatus,
} from '@lobbyflow/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AmountColumn, InstantColumn, JsonColumn } from '../database/columns';

/**
 * One customer's visit. Numbers are unique per branch, business day and the queue the ticket was
 * issued into (a transfer keeps the number on the customer's paper).
 */
@Entity('ticket')
@Index('ux_ticket_number', ['branchId', 'businessDay', 'issueQueue', 'sequence'], { unique: true })
@Index('ux_ticket_idempotency', ['branchId', 'idempotencyKey'], { unique: true })
@Index('ix_ticket_open', ['branchId', 'status'])
export class TicketEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  branchId!: string;

  @Column({ type: 'varchar', length: 10 })
  businessDay!: string;

  /** Queue the number was drawn from. */
  @Column({ type: 'varchar', length: 16 })
  issueQueue!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'varchar', length: 16 })
  number!: string;

  /** Queue the ticket waits in now (changes on transfer). */
  @Column({ type: 'varchar', length: 16 })
  queue!: string;

  @Column({ type: 'varchar', length: 32 })
  businessType!: string;

  @Column({ type: 'varchar', length: 32 })
  destination!: Destination;

  @AmountColumn({ nullable: true })
  amount!: number | null;

  @Column({ type: 'boolean', nullable: true })
  hasCard!: boolean | null;

  @Column({ type: 'varchar', length: 16 })
  priority!: PriorityClass;

  @Column({ type: 'varchar', length: 16, nullable: true })
  priorityReason!: PriorityReason | null;

  @JsonColumn()
  signals!: DiversionSignal[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  adviceOutcome!: AdviceOutcome | null;

  @Column({ type: 'varchar', length: 16 })
  status!: TicketStatus;

  @InstantColumn()
  issuedAt!: Date;

  /** Fairness clock: set at issue, kept through transfers and returns. */
  @InstantColumn()
  queuedAt!: Date;

  /** Last call; a recall moves it (waiting time ends at the last call). */
  @InstantColumn({ nullable: true })
  calledAt!: Date | null;

  @InstantColumn({ nullable: true })
  startedAt!: Date | null;

  @InstantColumn({ nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  recallCount!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  counterId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  targetCounterId!: string | null;

  /** Staff member a parked ticket waits for. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  parkedFor!: string | null;

  /** Staff member who last called the ticket. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  servedBy!: string | null;

  /** Business types actually done, recorded at finish (for reports). */
  @JsonColumn()
  businessDone!: string[];

  /** Secret of the phone page (`/t/<token>`), a capability to see this one ticket. */
  @Column({ type: 'varchar', length: 64, unique: true })
  token!: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey!: string | null;

  /** Hash of the request an Idempotency-Key was first used with: a different body is refused. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestHash!: string | null;
}

import type {
  AdviceOutcome,
  Destination,
  DiversionSignal,
  IdentificationResult,
  TicketCustomer,
  PriorityClass,
  PriorityReason,
  TicketRatingView,
  TicketStatus,
} from '@lobbyflow/contracts';
import { Column, Entity, Index } from 'typeorm';
import { AmountColumn, IdColumn, InstantColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

/** One signal a staff member observed about the customer. */
export interface StaffObservation {
  code: string;
  role: string;
  userId: string;
  at: string;
  note?: string;
}

/**
 * One customer's visit. Numbers are unique per branch, business day and the queue the ticket was
 * issued into (a transfer keeps the number on the customer's paper).
 */
@Entity('ticket')
@Index('ux_ticket_number', ['branchId', 'businessDay', 'issueQueue', 'sequence'], { unique: true })
@Index('ux_ticket_idempotency', ['branchId', 'businessDay', 'idempotencyKey'], { unique: true })
@Index('ix_ticket_open', ['branchId', 'status'])
@Index('ix_ticket_day_status', ['branchId', 'businessDay', 'status'])
@Index('ix_ticket_counter_status', ['counterId', 'status'])
@Index('ix_ticket_rev', ['branchId', 'rev'])
export class TicketEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(10)
  businessDay!: string;

  /** Queue the number was drawn from. */
  @TextColumn(16)
  issueQueue!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @TextColumn(16)
  number!: string;

  /** Queue the ticket waits in now (changes on transfer). */
  @TextColumn(16)
  queue!: string;

  @TextColumn(32)
  businessType!: string;

  @TextColumn(32)
  destination!: Destination;

  @AmountColumn({ nullable: true })
  amount!: number | null;

  @Column({ type: 'boolean', nullable: true })
  hasCard!: boolean | null;

  @TextColumn(16)
  priority!: PriorityClass;

  @TextColumn(16, { nullable: true })
  priorityReason!: PriorityReason | null;

  @JsonColumn()
  signals!: DiversionSignal[];

  /** The known customer, when identified at the kiosk (card or phone): a summary, no asset figures. */
  @JsonColumn({ nullable: true })
  customer!: TicketCustomer | null;

  /** Who the rules think the customer may be, and why; never leaves staff screens. */
  @JsonColumn({ nullable: true })
  identification!: IdentificationResult | null;

  /** Signals staff observed (teller while serving, lobby manager in the hall), each with who and when. */
  @JsonColumn({ nullable: true })
  observations!: StaffObservation[] | null;

  @TextColumn(16, { nullable: true })
  adviceOutcome!: AdviceOutcome | null;

  @TextColumn(16)
  status!: TicketStatus;

  @InstantColumn()
  issuedAt!: Date;

  /** Fairness clock: set at issue, kept through transfers and returns. */
  @InstantColumn()
  queuedAt!: Date;

  /** A returned ticket is not called before this time (its customer stepped away). */
  @InstantColumn({ nullable: true })
  holdUntil!: Date | null;

  /** Last call; a recall moves it (waiting time ends at the last call). */
  @InstantColumn({ nullable: true })
  calledAt!: Date | null;

  @InstantColumn({ nullable: true })
  startedAt!: Date | null;

  @InstantColumn({ nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  recallCount!: number;

  @RefColumn({ nullable: true })
  counterId!: string | null;

  @RefColumn({ nullable: true })
  targetCounterId!: string | null;

  /** Staff member a parked ticket waits for. */
  @RefColumn({ nullable: true })
  parkedFor!: string | null;

  /** Staff member who last called the ticket. */
  @RefColumn({ nullable: true })
  servedBy!: string | null;

  /** Business types actually done, recorded at finish (for reports). */
  @JsonColumn()
  businessDone!: string[];

  /** The teller's rating request for this visit and the customer's answer (libs/domain rating rules). */
  @JsonColumn({ nullable: true })
  rating!: TicketRatingView | null;

  /** Secret of the phone page (`/t/<token>`), a capability to see this one ticket. */
  @TextColumn(64, { unique: true })
  token!: string;

  @TextColumn(128, { nullable: true })
  idempotencyKey!: string | null;

  /** Hash of the request an Idempotency-Key was first used with: a different body is refused. */
  @TextColumn(64, { nullable: true })
  requestHash!: string | null;

  /** The branch's ticket revision of this row's last write, set by a database trigger (hall/hall-cache.ts). */
  @Column({ type: 'integer', default: 0, insert: false, update: false })
  rev!: number;
}

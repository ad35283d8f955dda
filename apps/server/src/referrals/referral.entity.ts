import type {
  CalloverResponse,
  CustomerClass,
  IdentificationReason,
  ReferralStatus,
  TicketCustomer,
} from '@lobbyflow/contracts';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

/** A referral to a relationship manager: the digital 潜在贵宾客户推荐表 / 信息记录表 (domain.md §4). */
@Entity('referral')
@Index('ix_referral_rm_status', ['branchId', 'rmUserId', 'status'])
export class ReferralEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @RefColumn({ nullable: true })
  ticketId!: string | null;

  @TextColumn(16, { nullable: true })
  ticketNumber!: string | null;

  @JsonColumn({ nullable: true })
  customer!: TicketCustomer | null;

  @TextColumn(16)
  classification!: CustomerClass;

  @Column({ type: 'integer' })
  score!: number;

  @JsonColumn()
  reasons!: IdentificationReason[];

  @RefColumn()
  rmUserId!: string;

  @TextColumn(16)
  matchReason!: string;

  @TextColumn(16)
  status!: ReferralStatus;

  @Column({ type: 'boolean' })
  customerHasTime!: boolean;

  @TextColumn(200, { nullable: true })
  note!: string | null;

  @RefColumn()
  referredBy!: string;

  @TextColumn(16)
  referredByRole!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  alertedAt!: Date | null;

  @InstantColumn({ nullable: true })
  respondedAt!: Date | null;

  @TextColumn(8, { nullable: true })
  response!: CalloverResponse | null;

  @Column({ type: 'integer', nullable: true })
  deferMinutes!: number | null;

  @TextColumn(200, { nullable: true })
  declineReason!: string | null;

  /** RMs who declined or did not answer in time, in order. */
  @JsonColumn()
  passedOver!: string[];
}

import type {
  CalloverResponse,
  CustomerClass,
  FollowUpGrade,
  IdentificationReason,
  ReferralContact,
  ReferralContactRecord,
  ReferralOutcome,
  ReferralStatus,
  TicketCustomer,
} from '@lobbyflow/contracts';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

/** A referral to a relationship manager: the digital 潜在贵宾客户推荐表 / 信息记录表 (domain.md §4). */
@Entity('referral')
@Index('ix_referral_rm_status', ['branchId', 'rmUserId', 'status'])
@Index('ix_referral_follow_up', ['branchId', 'rmUserId', 'nextContactOn'])
export class ReferralEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @RefColumn({ nullable: true })
  ticketId!: string | null;

  @TextColumn(16, { nullable: true })
  ticketNumber!: string | null;

  /** A walk-in without a ticket: where they are and what the lobby manager noticed. */
  @TextColumn(200, { nullable: true })
  walkIn!: string | null;

  @JsonColumn({ nullable: true })
  customer!: TicketCustomer | null;

  @TextColumn(16)
  classification!: CustomerClass;

  @Column({ type: 'integer' })
  score!: number;

  @JsonColumn()
  reasons!: IdentificationReason[];

  /** The identification rule version the verdict came from (null for referrals before it was kept). */
  @Column({ type: 'integer', nullable: true })
  rulesVersion!: number | null;

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

  /** Name and phone, kept only when the customer consented (an RM phones them back). */
  @JsonColumn({ nullable: true })
  contact!: ReferralContact | null;

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

  @InstantColumn({ nullable: true })
  metAt!: Date | null;

  @TextColumn(16, { nullable: true })
  outcome!: ReferralOutcome | null;

  /** Products discussed (null on referrals written before the meeting was recorded). */
  @JsonColumn({ nullable: true })
  products!: string[] | null;

  @TextColumn(1, { nullable: true })
  grade!: FollowUpGrade | null;

  /** Branch-local day of the next contact, YYYY-MM-DD: sorts as text on both engines. */
  @TextColumn(10, { nullable: true })
  nextContactOn!: string | null;

  @JsonColumn({ nullable: true })
  contacts!: ReferralContactRecord[] | null;
}

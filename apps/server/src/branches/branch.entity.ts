import type { IdentificationRules, LocalizedText, TierLadder } from '@lobbyflow/contracts';
import type {
  CallPolicy,
  FollowUpCadence,
  LifecycleSettings,
  RatingSettings,
  Thresholds,
  VipRouting,
} from '@lobbyflow/domain';
import { Column, Entity } from 'typeorm';
import { IdColumn, JsonColumn, TextColumn } from '../database/columns';

export interface PauseReason {
  code: string;
  name: LocalizedText;
}

/** The rules of a branch that are not tied to one queue, business type or counter. */
export interface BranchSettings {
  thresholds: Thresholds;
  lifecycle: LifecycleSettings;
  callPolicy: CallPolicy;
  /** Service-level target: share of customers called within this many minutes. */
  serviceLevelMinutes: number;
  pauseReasons: PauseReason[];
  vipRouting?: VipRouting;
  /** Tier ladders (domain.md §3): which rung a customer's figures reach. */
  tierLadders: TierLadder[];
  /** Identification rules, versioned: every evaluation records the version it used. */
  identification: IdentificationRules;
  callover: CalloverSettings;
  /** How often RMs follow up each grade (domain.md §6); branches seeded before it use DEFAULT_FOLLOW_UP. */
  followUp?: FollowUpCadence;
  /** The window customers have to rate a visit; branches seeded before ratings use DEFAULT_RATING. */
  rating?: RatingSettings;
}

/** How call-overs reach RMs. */
export interface CalloverSettings {
  /** Seconds an RM has to answer before the call-over passes to the next RM (the lobby manager sees it). */
  answerSeconds: number;
  /**
   * Needs a business type or an identification signal tells about the customer (funds, fx, ...), matched
   * to RM specialties: `fx` business or `fx-or-nav-browsing` in the hall both call for an FX specialist.
   */
  needs: Record<string, string[]>;
}

@Entity('branch')
export class BranchEntity {
  @IdColumn()
  id!: string;

  /** How the API addresses the branch (`demo`). */
  @TextColumn(32, { unique: true })
  code!: string;

  @JsonColumn()
  name!: LocalizedText;

  /** IANA zone or fixed offset; the business day and ticket numbering follow it. */
  @TextColumn(64)
  timeZone!: string;

  @TextColumn(5, { default: '00:00' })
  dayStartsAt!: string;

  /** The business day the branch's open tickets belong to; moves at the day boundary. */
  @TextColumn(10)
  businessDay!: string;

  /** Highest event `seq` written for this branch: the event log is gap-free. */
  @Column({ type: 'integer', default: 0 })
  lastSeq!: number;

  @JsonColumn()
  settings!: BranchSettings;

  /**
   * Writes to the branch's tickets so far, and to its queues, business types and counters: counted by
   * database triggers (migration HallRevisions), never by the server, so TypeORM neither inserts nor
   * updates them. The hall cache (hall/hall-cache.ts) compares them with what it holds.
   */
  @Column({ type: 'integer', default: 0, insert: false, update: false })
  ticketRev!: number;

  @Column({ type: 'integer', default: 0, insert: false, update: false })
  configRev!: number;
}

import type { LocalizedText } from '@lobbyflow/contracts';
import type { CallPolicy, LifecycleSettings, Thresholds, VipRouting } from '@lobbyflow/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn } from '../database/columns';

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
}

@Entity('branch')
export class BranchEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** How the API addresses the branch (`demo`). */
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @JsonColumn()
  name!: LocalizedText;

  /** IANA zone or fixed offset; the business day and ticket numbering follow it. */
  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 5, default: '00:00' })
  dayStartsAt!: string;

  /** The business day the branch's open tickets belong to; moves at the day boundary. */
  @Column({ type: 'varchar', length: 10 })
  businessDay!: string;

  /** Highest event `seq` written for this branch: the event log is gap-free. */
  @Column({ type: 'integer', default: 0 })
  lastSeq!: number;

  @JsonColumn()
  settings!: BranchSettings;
}

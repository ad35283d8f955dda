import type { CounterKind, CounterStatus, LocalizedText } from '@lobbyflow/contracts';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

export interface ServedQueue {
  queue: string;
  /** Higher weight: this queue's tickets are served sooner at this counter. */
  weight: number;
}

/** A place where tickets are served: a teller's window or an RM's desk. */
@Entity('counter')
@Index(['branchId', 'code'], { unique: true })
export class CounterEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(16)
  code!: string;

  @JsonColumn()
  name!: LocalizedText;

  @TextColumn(16)
  kind!: CounterKind;

  @TextColumn(16, { default: 'open' })
  status!: CounterStatus;

  @TextColumn(32, { nullable: true })
  pauseReason!: string | null;

  @InstantColumn({ nullable: true })
  pausedAt!: Date | null;

  @JsonColumn()
  queues!: ServedQueue[];

  /** The sign-in session holding this counter: one seat per counter. */
  @TextColumn(36, { nullable: true })
  seatSessionId!: string | null;

  @RefColumn({ nullable: true })
  seatUserId!: string | null;

  @InstantColumn({ nullable: true })
  seatSince!: Date | null;

  /** The seat frees itself when the holder's session would have expired anyway. */
  @InstantColumn({ nullable: true })
  seatExpiresAt!: Date | null;

  /** Non-normal calls in a row while normal tickets waited (the call policy's ratio). */
  @Column({ type: 'integer', default: 0 })
  priorityStreak!: number;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}

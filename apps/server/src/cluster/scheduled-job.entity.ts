import { Column, Entity } from 'typeorm';
import { InstantColumn, TextColumn } from '../database/columns';

/**
 * One timer shared by every instance on the database (day rollover, call-over escalation). The instance
 * that moves `dueAt` forward with a compare-and-set runs that occurrence; the others see it claimed.
 */
@Entity('scheduled_job')
export class ScheduledJobEntity {
  @TextColumn(64, { primary: true })
  name!: string;

  /** The earliest instant the next occurrence may run. */
  @InstantColumn()
  dueAt!: Date;

  /** Which instance claimed the last occurrence (host:pid:random), for operators reading the table. */
  @TextColumn(64, { nullable: true })
  claimedBy!: string | null;

  @InstantColumn({ nullable: true })
  claimedAt!: Date | null;

  /** Occurrences run so far, by all instances together. */
  @Column({ type: 'integer', default: 0 })
  runs!: number;
}

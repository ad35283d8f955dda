import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';

/**
 * The append-only record of operations on sensitive data (domain.md §7): who looked at or changed
 * which customer's data, when and why. Nothing updates or deletes these rows.
 */
@Entity('audit_entry')
@Index('ix_audit_branch_at', ['branchId', 'at'])
@Index('ux_audit_branch_seq', ['branchId', 'seq'], { unique: true })
export class AuditEntryEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  /** The entry's place in the branch's log (1, 2, ...): the order it was written in (`appendAudit`). */
  @Column({ type: 'integer', default: 0 })
  seq!: number;

  @RefColumn({ nullable: true })
  actorUserId!: string | null;

  @TextColumn(16)
  actorRole!: string;

  /** `profile.view`, `customers.import`. */
  @TextColumn(32)
  action!: string;

  @RefColumn({ nullable: true })
  subjectId!: string | null;

  @TextColumn(200)
  reason!: string;

  @InstantColumn()
  at!: Date;
}

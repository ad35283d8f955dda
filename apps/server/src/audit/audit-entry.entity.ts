import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';

/**
 * The append-only record of operations on sensitive data (domain.md §7): who looked at or changed
 * which customer's data, when and why. Nothing updates or deletes these rows.
 */
@Entity('audit_entry')
@Index('ix_audit_branch_at', ['branchId', 'at'])
export class AuditEntryEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

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

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

/**
 * The per-branch event log (design.md §2.4): written in the same transaction as the change it
 * describes, numbered without gaps per branch. Live screens and reports read it.
 */
@Entity('branch_event')
@Index('ux_branch_event_seq', ['branchId', 'seq'], { unique: true })
@Index('ix_branch_event_at', ['branchId', 'at'])
export class BranchEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @RefColumn()
  branchId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @TextColumn(48)
  type!: string;

  @InstantColumn()
  at!: Date;

  @JsonColumn()
  data!: Record<string, unknown>;
}

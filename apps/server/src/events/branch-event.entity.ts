import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

/**
 * The per-branch event log (design.md §2.4): written in the same transaction as the change it
 * describes, numbered without gaps per branch. Live screens and reports read it.
 */
@Entity('branch_event')
@Index('ux_branch_event_seq', ['branchId', 'seq'], { unique: true })
export class BranchEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 36 })
  branchId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 48 })
  type!: string;

  @InstantColumn()
  at!: Date;

  @JsonColumn()
  data!: Record<string, unknown>;
}

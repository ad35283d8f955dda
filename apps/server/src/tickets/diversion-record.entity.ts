import type { AdviceOutcome, Destination } from '@lobbyflow/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** One piece of self-service advice and what the customer did with it (the diversion-rate KPI). */
@Entity('diversion_record')
@Index('ix_diversion_day', ['branchId', 'businessDay'])
export class DiversionRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  branchId!: string;

  @Column({ type: 'varchar', length: 10 })
  businessDay!: string;

  @Column({ type: 'varchar', length: 32 })
  businessType!: string;

  /** What the advice was (self-service for every record today; kept for other advice later). */
  @Column({ type: 'varchar', length: 32 })
  destination!: Destination;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AdviceOutcome;

  @Column({ type: 'varchar', length: 36, nullable: true })
  ticketId!: string | null;

  @InstantColumn()
  at!: Date;
}

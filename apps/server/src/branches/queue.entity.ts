import type { Destination, LocalizedText } from '@lobbyflow/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn } from '../database/columns';

/** A line customers wait in; its prefix starts every ticket number issued into it. */
@Entity('queue')
@Index(['branchId', 'code'], { unique: true })
export class QueueEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  branchId!: string;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 4 })
  prefix!: string;

  @JsonColumn()
  name!: LocalizedText;

  @Column({ type: 'varchar', length: 32 })
  destination!: Destination;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}

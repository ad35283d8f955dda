import type { Destination, LocalizedText } from '@lobbyflow/contracts';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

/** A line customers wait in; its prefix starts every ticket number issued into it. */
@Entity('queue')
@Index(['branchId', 'code'], { unique: true })
export class QueueEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(16)
  code!: string;

  @TextColumn(4)
  prefix!: string;

  @JsonColumn()
  name!: LocalizedText;

  @TextColumn(32)
  destination!: Destination;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}

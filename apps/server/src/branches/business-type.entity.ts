import type { BusinessCategory, LocalizedText } from '@lobbyflow/contracts';
import type { Route, SignalRule } from '@lobbyflow/domain';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

/** A business the kiosk offers, with its diversion routes and the signals it raises. */
@Entity('business_type')
@Index(['branchId', 'code'], { unique: true })
export class BusinessTypeEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(32)
  code!: string;

  @JsonColumn()
  name!: LocalizedText;

  @TextColumn(16)
  category!: BusinessCategory;

  @TextColumn(32)
  icon!: string;

  /** Typical counter time in minutes; feeds wait estimates and the teller's step 3. */
  @Column({ type: 'integer' })
  typicalServiceMinutes!: number;

  @JsonColumn()
  routes!: Route[];

  @JsonColumn()
  signals!: SignalRule[];

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}

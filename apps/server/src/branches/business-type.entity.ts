import type { BusinessCategory, LocalizedText } from '@lobbyflow/contracts';
import type { Route, SignalRule } from '@lobbyflow/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn } from '../database/columns';

/** A business the kiosk offers, with its diversion routes and the signals it raises. */
@Entity('business_type')
@Index(['branchId', 'code'], { unique: true })
export class BusinessTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  branchId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @JsonColumn()
  name!: LocalizedText;

  @Column({ type: 'varchar', length: 16 })
  category!: BusinessCategory;

  @Column({ type: 'varchar', length: 32 })
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

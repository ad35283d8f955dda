import { Entity, Index } from 'typeorm';
import { AmountColumn, IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';
import type { IdKind } from './identity-number';

/**
 * A known customer of the branch, found by the keyed hash of a card, ID or phone number; the number
 * itself is never stored, only a masked form for staff to read. Asset figures are visible to RMs, the
 * lobby manager and admins only, and every view of them is audited.
 */
@Entity('customer_profile')
@Index('ux_customer_id_hash', ['branchId', 'idHash'], { unique: true })
export class CustomerProfileEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(8)
  idKind!: IdKind;

  @TextColumn(64)
  idHash!: string;

  @TextColumn(32)
  masked!: string;

  /** How staff greet the customer (e.g. 王女士); optional. */
  @TextColumn(64, { nullable: true })
  displayName!: string | null;

  /** The tier the bank's systems report (a ladder code, e.g. private-banking); optional. */
  @TextColumn(32, { nullable: true })
  tier!: string | null;

  @AmountColumn({ nullable: true })
  monthlyAverageAssets!: number | null;

  @AmountColumn({ nullable: true })
  loanBalance!: number | null;

  @AmountColumn({ nullable: true })
  cardSpend12m!: number | null;

  @AmountColumn({ nullable: true })
  starPoints!: number | null;

  @TextColumn(16, { nullable: true })
  cardLevel!: string | null;

  /** The customer's own relationship manager. */
  @RefColumn({ nullable: true })
  rmUserId!: string | null;

  /** Customer segment (retirees, business-owners, professionals...), for matching an RM's specialty. */
  @TextColumn(32, { nullable: true })
  segment!: string | null;

  @InstantColumn()
  updatedAt!: Date;
}

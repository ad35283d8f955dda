import type { RmPresence, StaffRole } from '@lobbyflow/contracts';
import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, RefColumn, TextColumn } from '../database/columns';

@Entity('staff_user')
export class StaffUserEntity {
  @IdColumn()
  id!: string;

  @RefColumn()
  branchId!: string;

  @TextColumn(64, { unique: true })
  username!: string;

  @TextColumn(128)
  displayName!: string;

  @TextColumn(16)
  role!: StaffRole;

  /** The counter or desk this person normally works at. */
  @RefColumn({ nullable: true })
  counterId!: string | null;

  /** scrypt hash with its parameters and salt; never the password. */
  @TextColumn(255)
  passwordHash!: string;

  /** For RMs: the customer segments and products they know best. */
  @JsonColumn()
  specialties!: string[];

  @Column({ type: 'boolean' })
  active!: boolean;

  /** For RMs: where they said they are; null until they first sign in. */
  @TextColumn(16, { nullable: true })
  presence!: RmPresence | null;

  @InstantColumn({ nullable: true })
  presenceSince!: Date | null;

  /** A presence lapses with the session that set it: an RM whose token expired is away. */
  @InstantColumn({ nullable: true })
  presenceUntil!: Date | null;

  /**
   * Carried in every token (`ver`): a password reset, deactivation or role change raises it, and every
   * older token is refused at once.
   */
  @Column({ type: 'integer', default: 0 })
  sessionVersion!: number;
}

import type { StaffRole } from '@lobbyflow/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn } from '../database/columns';

@Entity('staff_user')
export class StaffUserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  branchId!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ type: 'varchar', length: 128 })
  displayName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: StaffRole;

  /** The counter or desk this person normally works at. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  counterId!: string | null;

  /** scrypt hash with its parameters and salt; never the password. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  /** For RMs: the customer segments and products they know best. */
  @JsonColumn()
  specialties!: string[];

  @Column({ type: 'boolean' })
  active!: boolean;
}

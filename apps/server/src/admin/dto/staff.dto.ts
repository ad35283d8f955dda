import { OmitType, PartialType } from '@nestjs/swagger';
import {
  STAFF_ROLES,
  type CreateStaffRequest,
  type ResetPasswordRequest,
  type StaffRole,
  type UpdateStaffRequest,
} from '@lobbyflow/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

export class CreateStaffDto implements CreateStaffRequest {
  /** Login name: lower-case letters, digits, `.`, `_`, `-`; unique across the installation. */
  @IsString()
  username!: string;

  @IsString()
  displayName!: string;

  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  /** Tellers and RMs: the counter or desk they normally sign in at (null: none). */
  @IsOptional()
  @IsUUID()
  counterId?: string | null;

  /** RMs: customer segments and products they know best, matched against call-over needs. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  specialties?: string[];

  /** Initial password (8-128 characters); stored only as a slow hash, never returned. */
  @IsString()
  password!: string;
}

/** Any of display name, role, counter, specialties. */
export class UpdateStaffDto
  extends PartialType(OmitType(CreateStaffDto, ['username', 'password'] as const))
  implements UpdateStaffRequest {}

export class ResetPasswordDto implements ResetPasswordRequest {
  @IsString()
  password!: string;
}

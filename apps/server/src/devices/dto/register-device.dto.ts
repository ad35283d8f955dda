import { DEVICE_KINDS, type DeviceKind } from '@lobbyflow/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class RegisterDeviceDto {
  @IsIn(DEVICE_KINDS)
  kind!: DeviceKind;

  /** Where the device stands, e.g. "Lobby kiosk 2". */
  @IsString()
  @Length(1, 128)
  name!: string;

  /** The counter code a rating pad stands on: required for `rating-pad`, refused for other kinds. */
  @IsOptional()
  @IsString()
  @Length(1, 16)
  counter?: string;
}

import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export class LoginDto {
  @IsString()
  @Length(1, 64)
  username!: string;

  @IsString()
  @Length(1, 256)
  password!: string;

  /** Counter code to work at today (tellers and RMs); defaults to the person's own counter. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,16}$/, { message: 'counter must be a counter code such as "3" or "R1"' })
  counter?: string;

  /** Take the counter over from the session holding it (after the user confirmed); that session ends. */
  @IsOptional()
  @IsBoolean()
  takeOver?: boolean;
}

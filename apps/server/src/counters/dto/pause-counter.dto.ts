import { IsString, Matches } from 'class-validator';

export class PauseCounterDto {
  /** Pause reason code from the branch's configured list (break, meeting, cash-handover, ...). */
  @IsString()
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'reason must be a pause reason code such as "break"' })
  reason!: string;
}

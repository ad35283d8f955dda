import { CALLOVER_RESPONSES, type CalloverResponse } from '@lobbyflow/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';

export class CalloverDto {
  /** The customer has time now: call the RM over. No time: an experience card, and a follow-up referral. */
  @IsBoolean()
  customerHasTime!: boolean;

  /** What the RM should know (what the customer said, where they sit). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

export class CalloverResponseDto {
  /** coming, defer ("busy, seat the customer in the VIP room — N minutes") or decline. */
  @IsIn(CALLOVER_RESPONSES)
  response!: CalloverResponse;

  @ValidateIf((dto: CalloverResponseDto) => dto.response === 'defer')
  @IsInt()
  @Min(1)
  @Max(120)
  minutes?: number;

  @ValidateIf((dto: CalloverResponseDto) => dto.response === 'decline')
  @IsString()
  @Length(3, 200)
  reason?: string;
}

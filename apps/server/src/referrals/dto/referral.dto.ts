import {
  CALLOVER_RESPONSES,
  type CalloverResponse,
  CONTACT_CHANNELS,
  type ContactChannel,
  FOLLOW_UP_GRADES,
  type FollowUpGrade,
  REFERRAL_OUTCOMES,
  type ReferralOutcome,
  RM_PRESENCES,
  type RmPresence,
} from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** A customer's name and phone for the RM's call back: kept only with the customer's consent. */
export class ConsentedContactDto {
  @IsOptional()
  @IsString()
  @Length(1, 60)
  name?: string;

  @Matches(/^\+?[0-9][0-9 -]{5,19}$/, { message: 'phone must be a phone number such as 138 0013 8000' })
  phone!: string;

  /** The customer agreed to be contacted: without it nothing is kept (domain.md §4, §7). */
  @Equals(true, { message: "consent must be true: a contact is kept only with the customer's consent" })
  consent!: true;
}

export class CalloverDto {
  /** The customer has time now: call the RM over. No time: an experience card, and a follow-up referral. */
  @IsBoolean()
  customerHasTime!: boolean;

  /** What the RM should know (what the customer said, where they sit). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentedContactDto)
  contact?: ConsentedContactDto;
}

export class WalkInReferralDto extends CalloverDto {
  /** What the lobby manager observed (signal codes of the identification rules, e.g. entry-notable-features). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,40}$/, { each: true, message: 'signals must list signal codes such as "fx-or-nav-browsing"' })
  signals!: string[];

  /** Who and where: "grey suit, reading fund NAVs by the wealth corner". */
  @IsString()
  @Length(3, 200)
  description!: string;
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

/** What came of a meeting or a later contact, and the grade that sets the next contact. */
export class ReferralOutcomeDto {
  @IsIn(REFERRAL_OUTCOMES)
  outcome!: ReferralOutcome;

  @IsIn(FOLLOW_UP_GRADES)
  grade!: FollowUpGrade;

  /** Products discussed (free text codes or names: "fixed-term", "bond fund"). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  products?: string[];

  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class FollowUpContactDto {
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  /** The grade after this contact (regrade after every contact, domain.md §6). */
  @IsIn(FOLLOW_UP_GRADES)
  grade!: FollowUpGrade;

  @IsOptional()
  @IsIn(REFERRAL_OUTCOMES)
  outcome?: ReferralOutcome;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  products?: string[];

  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class FollowUpsQuery {
  /** Lobby manager and admin: one RM's list (default: every RM's). RMs always get their own. */
  @IsOptional()
  @IsUUID()
  rm?: string;
}

export class PresenceDto {
  @IsIn(RM_PRESENCES)
  presence!: RmPresence;
}

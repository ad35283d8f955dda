import type { AdminSettingsPatch, FollowUpCadenceSpec } from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from '../../rules/dto/identification-rules.dto';

/*
 * The shape of the settings an admin sends. Ranges and cross-checks (a threshold a diversion table still
 * uses, a day start like 00:00) are libs/domain's `validateHallRules` and friends, shared with the seed
 * file, and come back as CONFIG_INVALID problems naming the field.
 */

const finite = { allowNaN: false, allowInfinity: false };

export class LifecycleDto {
  /** Seconds after a call before the same ticket may be recalled. */
  @IsInt()
  recallDelaySeconds!: number;

  /** Recalls before a no-show may be recorded. */
  @IsInt()
  noShowAfterRecalls!: number;

  /** Seconds a ticket returned to the queue is skipped by call-next. */
  @IsInt()
  returnHoldSeconds!: number;
}

export class CallPolicyDto {
  /** At most this many VIP/priority calls in a row while normal tickets wait; null: always first. */
  @ValidateIf((policy: CallPolicyDto) => policy.maxPriorityInRow !== null)
  @IsInt()
  maxPriorityInRow!: number | null;

  /** Anyone waiting this many minutes is called first. */
  @IsNumber(finite)
  agingMinutes!: number;
}

export class PauseReasonDto {
  @IsString()
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;
}

export class CalloverSettingsDto {
  /** Seconds an RM has to answer a call-over before it passes to the next RM. */
  @IsInt()
  answerSeconds!: number;
}

export class RatingSettingsDto {
  /** Seconds a customer has to rate a visit after the teller asks. */
  @IsInt()
  windowSeconds!: number;
}

export class FollowUpGradeDto {
  @IsInt()
  everyDays!: number;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  meaning!: LocalizedTextDto;
}

/** Grades A (expected within a month) to E (no chance for now), each with its follow-up interval. */
export class FollowUpGradesDto {
  @ValidateNested()
  @Type(() => FollowUpGradeDto)
  A!: FollowUpGradeDto;

  @ValidateNested()
  @Type(() => FollowUpGradeDto)
  B!: FollowUpGradeDto;

  @ValidateNested()
  @Type(() => FollowUpGradeDto)
  C!: FollowUpGradeDto;

  @ValidateNested()
  @Type(() => FollowUpGradeDto)
  D!: FollowUpGradeDto;

  @ValidateNested()
  @Type(() => FollowUpGradeDto)
  E!: FollowUpGradeDto;
}

export class FollowUpCadenceDto implements FollowUpCadenceSpec {
  @IsInt()
  firstContactDays!: number;

  @ValidateNested()
  @Type(() => FollowUpGradesDto)
  grades!: FollowUpGradesDto;
}

/** Any of the branch settings; each field sent replaces that setting whole. */
export class UpdateSettingsDto implements AdminSettingsPatch {
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  /** IANA zone (`Asia/Shanghai`) or fixed offset (`+08:00`). */
  @IsOptional()
  @IsString()
  timeZone?: string;

  /** `HH:MM`, local time. */
  @IsOptional()
  @IsString()
  dayStartsAt?: string;

  /** Every named amount (CNY) the diversion tables refer to, e.g. `{"smallCashLimit": 20000}`. */
  @IsOptional()
  @IsObject()
  thresholds?: Record<string, number>;

  @IsOptional()
  @IsInt()
  serviceLevelMinutes?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => LifecycleDto)
  lifecycle?: LifecycleDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => CallPolicyDto)
  callPolicy?: CallPolicyDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PauseReasonDto)
  pauseReasons?: PauseReasonDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => CalloverSettingsDto)
  callover?: CalloverSettingsDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpCadenceDto)
  followUp?: FollowUpCadenceDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => RatingSettingsDto)
  rating?: RatingSettingsDto;
}

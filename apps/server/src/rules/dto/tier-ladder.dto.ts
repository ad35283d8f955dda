import { CUSTOMER_METRICS, type CustomerMetric } from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from './identification-rules.dto';

const finite = { allowNaN: false, allowInfinity: false };

/**
 * One line of a rung: a figure with one lower bound (atLeast inclusive, or above exclusive) and an optional
 * upper bound, or a card level among `oneOf`. Which combination is allowed is checked by validateLadder.
 */
export class TierConditionDto {
  @IsIn(CUSTOMER_METRICS)
  metric!: CustomerMetric;

  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1e13)
  atLeast?: number;

  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1e13)
  above?: number;

  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1e13)
  below?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  oneOf?: string[];
}

export class TierRungDto {
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'code must be a lower-case tier code such as "wealth-management"' })
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TierConditionDto)
  anyOf!: TierConditionDto[];
}

/** A tier ladder as an admin submits it; its code is in the path. Rungs from the highest tier down. */
export class TierLadderDto {
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TierRungDto)
  rungs!: TierRungDto[];

  /**
   * The rules' version the change was made on (optional): when the rules moved on since, the change is
   * refused (409 RULES_CHANGED) instead of silently undoing someone else's.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOnVersion?: number;
}

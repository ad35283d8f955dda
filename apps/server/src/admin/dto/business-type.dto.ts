import { OmitType, PartialType } from '@nestjs/swagger';
import {
  BUSINESS_CATEGORIES,
  DESTINATIONS,
  DIVERSION_SIGNALS,
  type BusinessCategory,
  type CreateBusinessTypeRequest,
  type Destination,
  type DiversionSignal,
  type UpdateBusinessTypeRequest,
} from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../../rules/dto/identification-rules.dto';

/** When a route or signal applies. Thresholds are named, never figures: `{"amountAtMost": "smallCashLimit"}`. */
export class RouteConditionDto {
  @IsOptional()
  @IsBoolean()
  hasCard?: boolean;

  @IsOptional()
  @IsString()
  amountAtMost?: string;

  @IsOptional()
  @IsString()
  amountAtLeast?: string;
}

/** One line of the diversion table; the first matching line wins, the last is an unconditional counter. */
export class DiversionRouteDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => RouteConditionDto)
  when?: RouteConditionDto;

  @IsIn(DESTINATIONS)
  destination!: Destination;

  /** The queue of a counter destination; absent for self-service. */
  @IsOptional()
  @IsString()
  queue?: string;

  /** The kiosk's one sentence: the faster channel, or where to go with the ticket. */
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  advice!: LocalizedTextDto;
}

export class SignalRuleDto {
  @IsIn(DIVERSION_SIGNALS)
  signal!: DiversionSignal;

  @IsOptional()
  @ValidateNested()
  @Type(() => RouteConditionDto)
  when?: RouteConditionDto;
}

export class CreateBusinessTypeDto implements CreateBusinessTypeRequest {
  /** Lower-case code, kept for ever: tickets name their business type by it. */
  @IsString()
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @IsIn(BUSINESS_CATEGORIES)
  category!: BusinessCategory;

  @IsOptional()
  @IsString()
  icon?: string;

  @IsInt()
  typicalServiceMinutes!: number;

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DiversionRouteDto)
  routes!: DiversionRouteDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SignalRuleDto)
  signals?: SignalRuleDto[];
}

/** Any field but the code; `routes` and `signals` replace the whole table; `active: false` retires the type. */
export class UpdateBusinessTypeDto
  extends PartialType(OmitType(CreateBusinessTypeDto, ['code'] as const))
  implements UpdateBusinessTypeRequest
{
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

import { IDENTIFICATION_STAGES, type IdentificationStage } from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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

export class LocalizedTextDto {
  @IsString()
  @Length(1, 200)
  zh!: string;

  @IsString()
  @Length(1, 200)
  en!: string;
}

export class SignalDefinitionDto {
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'code must be a lower-case signal code such as "large-cash"' })
  code!: string;

  @IsIn(IDENTIFICATION_STAGES)
  stage!: IdentificationStage;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  weight!: number;

  /** Signals of one group count only their heaviest grade (glance < returned < detailed reading). */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/)
  group?: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  reason!: LocalizedTextDto;
}

/** New identification rules; the server numbers the version. */
export class IdentificationRulesDto {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100000)
  potentialVipScore!: number;

  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  vipTiers!: string[];

  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SignalDefinitionDto)
  signals!: SignalDefinitionDto[];

  /**
   * The rules' version the change was made on (optional): when the rules moved on since, the change is
   * refused (409 RULES_CHANGED) instead of silently undoing someone else's.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOnVersion?: number;
}

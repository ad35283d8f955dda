import { PRIORITY_CLASSES, PRIORITY_REASONS, type PriorityClass, type PriorityReason } from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ID_KINDS, type IdKind } from '../../customers/identity-number';

/** The largest amount a kiosk accepts (CNY): far above any real visit, far below float trouble. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** What the customer told the kiosk; the same fields drive triage (advice only). */
export class TriageDto {
  /** Business type code, e.g. `cash-deposit` (see GET /api/branches/:branchId/services). */
  @IsString()
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'businessType must be a business type code such as "cash-deposit"' })
  businessType!: string;

  // class-validator checks the decorator nearest the property first: the type check must come before
  // the range, or "abc" is refused as "greater than" the maximum.
  /** Amount in CNY (up to two decimals); only asked when it changes the route. */
  @IsOptional()
  @Min(0)
  @Max(MAX_AMOUNT)
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: 'amount must be a number of CNY with at most two decimal places' },
  )
  amount?: number;

  /** Whether the customer holds a card of this bank. */
  @IsOptional()
  @IsBoolean()
  hasCard?: boolean;
}

/** A card swiped (keyboard-wedge reader) or typed, or a mobile number: optional, to recognise VIPs. */
export class CustomerIdDto {
  @IsIn(ID_KINDS)
  idKind!: IdKind;

  @IsString()
  @Length(8, 40)
  idNumber!: string;
}

export class IssueTicketDto extends TriageDto {
  /** Optional identification; the number is used for a lookup and never stored. */
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerIdDto)
  customer?: CustomerIdDto;

  /** `priority` for elderly, disabled or pregnant customers (kiosk); `vip` only from staff. */
  @IsOptional()
  @IsIn(PRIORITY_CLASSES)
  priority?: PriorityClass;

  @ValidateIf((dto: IssueTicketDto) => dto.priorityReason !== undefined)
  @IsIn(PRIORITY_REASONS)
  priorityReason?: PriorityReason;

  /** The customer saw the self-service advice and still wants a counter ticket. */
  @IsOptional()
  @IsBoolean()
  declinedAdvice?: boolean;
}

/** A customer took the self-service advice: recorded for the diversion rate, no ticket issued. */
export class AcceptAdviceDto extends TriageDto {}

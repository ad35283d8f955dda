import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

const CODE = /^[A-Za-z0-9-]{1,32}$/;

export class FinishTicketDto {
  /** Business types actually done (codes); defaults to the business the ticket was issued for. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(CODE, { each: true, message: 'businessDone must list business type codes' })
  businessDone?: string[];
}

export class TransferTicketDto {
  /** Queue code to move the ticket to. */
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'queue must be a queue code such as "B"' })
  queue?: string;

  /** Counter id to send the ticket to; only that counter calls it next. */
  @IsOptional()
  @IsUUID()
  counterId?: string;
}

export class FlagTicketDto {
  /** Identification signal codes observed (see GET /api/branches/:branchId/rules/identification). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,40}$/, {
    each: true,
    message: 'signals must list signal codes such as "asks-investment-amount"',
  })
  signals!: string[];

  /** What was seen or said, for the RM (kept with the verdict's reasons). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

export class ParkTicketDto {
  /** Staff member the ticket waits for (user id). */
  @IsUUID()
  staffId!: string;
}

export class RedirectTicketDto {
  /** Why the customer goes to the machine after all ("amount under 20,000 with a card"). */
  @IsString()
  @Length(3, 200)
  reason!: string;
}

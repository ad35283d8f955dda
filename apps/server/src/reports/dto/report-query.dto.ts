import { IsOptional, Matches } from 'class-validator';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A range of business days, both inclusive; today's when omitted. */
export class ReportQueryDto {
  @IsOptional()
  @Matches(DAY, { message: 'from must be a business day such as 2026-11-23' })
  from?: string;

  @IsOptional()
  @Matches(DAY, { message: 'to must be a business day such as 2026-11-23' })
  to?: string;
}

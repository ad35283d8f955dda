import { OmitType, PartialType } from '@nestjs/swagger';
import { DESTINATIONS, type CreateQueueRequest, type Destination, type UpdateQueueRequest } from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsString, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../../rules/dto/identification-rules.dto';

export class CreateQueueDto implements CreateQueueRequest {
  /** Short code, kept for ever: tickets and events name their queue by it. */
  @IsString()
  code!: string;

  /** 1-4 capital letters starting every number of the queue, unique in the branch. */
  @IsString()
  prefix!: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @IsIn(DESTINATIONS)
  destination!: Destination;
}

export class UpdateQueueDto
  extends PartialType(OmitType(CreateQueueDto, ['code'] as const))
  implements UpdateQueueRequest {}

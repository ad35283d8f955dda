import { OmitType, PartialType } from '@nestjs/swagger';
import {
  COUNTER_KINDS,
  type CounterKind,
  type CreateCounterRequest,
  type UpdateCounterRequest,
} from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsString, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../../rules/dto/identification-rules.dto';

export class ServedQueueDto {
  @IsString()
  queue!: string;

  /** > 0; higher: this queue's tickets are served sooner at this counter. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weight!: number;
}

export class CreateCounterDto implements CreateCounterRequest {
  /** Short code shown on screens and read aloud ("counter 3", "R1"). */
  @IsString()
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @IsIn(COUNTER_KINDS)
  kind!: CounterKind;

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ServedQueueDto)
  queues!: ServedQueueDto[];
}

/** Any field but the code; `queues` replaces the whole list of queues served and their weights. */
export class UpdateCounterDto
  extends PartialType(OmitType(CreateCounterDto, ['code'] as const))
  implements UpdateCounterRequest {}

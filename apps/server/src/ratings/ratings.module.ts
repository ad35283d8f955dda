import { Module } from '@nestjs/common';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** Customer ratings bound to a visit: the teller's request, the pad's or phone's answer, the pad's view. */
@Module({ controllers: [RatingsController], providers: [RatingsService] })
export class RatingsModule {}

import { Module } from '@nestjs/common';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

/** Admin editing of branch rules (identification so far). */
@Module({ controllers: [RulesController], providers: [RulesService] })
export class RulesModule {}

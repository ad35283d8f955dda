/**
 * Baseline (b) of the issue-ticket benchmark, run as a child process: a NestJS application with one POST
 * route that validates the ticket request body with LobbyFlow's own DTO and validation pipe (from the built
 * server) and returns it. Same Nest, Express, JSON body parser and Node as the server, and no database:
 * the cost of the framework alone. It is its own process so that the product's API carries no test route.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json } from 'express';
import { listenWhenAsked } from '../support/child-server';
import { BUILT_SERVER } from '../support/paths';

/** Builds the application from the built server's DTO and pipe, and listens on `port`. */
async function serve(port: number): Promise<void> {
  const { IssueTicketDto } = (await import(
    join(BUILT_SERVER, 'tickets/dto/issue-ticket.dto.js')
  )) as typeof import('../../../apps/server/src/tickets/dto/issue-ticket.dto');
  const { createValidationPipe } = (await import(
    join(BUILT_SERVER, 'common/validation.js')
  )) as typeof import('../../../apps/server/src/common/validation');
  const { BODY_LIMIT } = (await import(
    join(BUILT_SERVER, 'bootstrap.js')
  )) as typeof import('../../../apps/server/src/bootstrap');

  /** The server's ticket request DTO, under a class of this file so that Nest sees it as the body's type. */
  class EchoBody extends IssueTicketDto {}

  @Controller('echo')
  class EchoController {
    @Post()
    @HttpCode(200)
    echo(@Body() body: EchoBody): EchoBody {
      return body;
    }
  }

  @Module({ controllers: [EchoController] })
  class EchoModule {}

  const app = await NestFactory.create(EchoModule, { bodyParser: false, logger: ['error', 'warn'] });
  app.use(json({ limit: BODY_LIMIT }));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  await app.listen(port, '127.0.0.1');
}

listenWhenAsked(serve);

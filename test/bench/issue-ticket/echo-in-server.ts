/**
 * Baseline (b'), run as a child process: LobbyFlow's own server (the built one, with every middleware,
 * guard, pipe and filter it has) plus one POST route that validates the ticket request body
 * with the server's DTO and returns it, without authentication or database work. Beside (b), the bare Nest
 * application, it shows what the server's HTTP stack costs before any command runs. The route is added by
 * wrapping AppModule here, so that the product's API carries no test route.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { listenWhenAsked } from '../support/child-server';
import { BUILT_SERVER } from '../support/paths';

/** Starts the server with the echo route on `port`, configured from this process's environment. */
async function serve(port: number): Promise<void> {
  const load = <T>(file: string) => import(join(BUILT_SERVER, file)) as Promise<T>;
  const { IssueTicketDto } = await load<typeof import('../../../apps/server/src/tickets/dto/issue-ticket.dto')>(
    'tickets/dto/issue-ticket.dto.js',
  );
  const { Public } =
    await load<typeof import('../../../apps/server/src/auth/allow.decorator')>('auth/allow.decorator.js');
  const { AppModule } = await load<typeof import('../../../apps/server/src/app.module')>('app.module.js');
  const { createApp } = await load<typeof import('../../../apps/server/src/bootstrap')>('bootstrap.js');
  const { loadConfig } =
    await load<typeof import('../../../apps/server/src/config/app-config')>('config/app-config.js');

  /** The server's ticket request DTO, under a class of this file so that Nest sees it as the body's type. */
  class EchoBody extends IssueTicketDto {}

  @Controller('echo')
  class EchoController {
    @Post()
    @Public()
    @HttpCode(200)
    echo(@Body() body: EchoBody): EchoBody {
      return body;
    }
  }

  const config = loadConfig({ ...process.env, PORT: String(port) });
  @Module({ imports: [AppModule.forRoot(config)], controllers: [EchoController] })
  class EchoServerModule {}

  const app = await createApp(config, { module: { module: EchoServerModule } });
  await app.listen(port, '127.0.0.1');
}

listenWhenAsked(serve);

import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, text } from 'express';
import { AppModule } from './app.module';
import { ClusterIoAdapter } from './cluster/cluster-io.adapter';
import { ClusterLink } from './cluster/cluster-link';
import { Clock } from './common/clock';
import { AllExceptionsFilter, bodyParserErrors } from './common/all-exceptions.filter';
import { configureCors } from './common/cors';
import { refuseDeepBodies } from './common/nesting-limit';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { APP_VERSION } from './common/version';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { withBootLock } from './database/boot-lock';
import { observeHttp } from './observability/http-observer';
import { JsonLogger } from './observability/json-logger';
import { Metrics } from './observability/metrics';
import { SeedService } from './seed/seed.service';
import { RequestDrain } from './shutdown/request-drain';
import { serveUis } from './ui/serve-uis';

/** Body size limit: ticket commands are tiny; anything larger is refused before it is parsed. */
export const BODY_LIMIT = '100kb';
/** Customer imports come as CSV files of up to this size. */
export const CSV_LIMIT = '20mb';

/**
 * Builds the configured application (used by main.ts and by the e2e tests, so both run the same
 * pipes, filters and routes). Migrations run while the module initialises; the demo seed right after.
 * `module` replaces the root module (default: AppModule.forRoot): the benchmarks wrap AppModule to add
 * a route of their own to an otherwise unchanged server.
 */
export async function createApp(
  config: AppConfig,
  options: { clock?: Clock; module?: DynamicModule } = {},
): Promise<INestApplication> {
  // Instances started together on one PostgreSQL database migrate and seed one at a time.
  return withBootLock(config, async () => {
    const logger = new JsonLogger(config.log);
    const root = options.module ?? AppModule.forRoot(config, options.clock);
    const app = await NestFactory.create<NestExpressApplication>(root, {
      bodyParser: false,
      logger,
    });
    configureApp(app, logger);
    // With REDIS_URL, the socket.io server shares events with the other instances (issue #9).
    const link = app.get(ClusterLink);
    try {
      await link.connect();
    } catch (error) {
      await app.close();
      throw error;
    }
    app.useWebSocketAdapter(new ClusterIoAdapter(app, link));
    await app.init();
    await app.get(SeedService).seedIfEmpty();
    return app;
  });
}

export function configureApp(app: INestApplication, logger: JsonLogger): void {
  app.use(
    // First: every later middleware, guard and handler runs in the request's context (its id in each log line).
    observeHttp(logger, app.get(Metrics)),
    // A stopping server refuses new requests before reading them (main.ts, GracefulShutdown).
    app.get(RequestDrain).middleware,
    // Before the body parsers, so that their refusals carry the security headers too.
    securityHeaders(),
    json({ limit: BODY_LIMIT }),
    text({ type: 'text/csv', limit: CSV_LIMIT }),
    bodyParserErrors,
    refuseDeepBodies,
  );
  // Prometheus scrapes /metrics beside the API.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  const config = app.get<AppConfig>(APP_CONFIG);
  // The client's address (sign-in limits, logs) from X-Forwarded-For, when a trusted proxy sends it.
  if (config.trustProxy !== null) (app as NestExpressApplication).set('trust proxy', config.trustProxy);
  configureCors(app, config.corsOrigins);
  serveUis(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LobbyFlow API')
      .setDescription('Ticketing, diversion and the live hall of a bank branch.')
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}

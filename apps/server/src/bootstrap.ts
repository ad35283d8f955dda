import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, text } from 'express';
import { AppModule } from './app.module';
import { ClusterIoAdapter } from './cluster/cluster-io.adapter';
import { ClusterLink } from './cluster/cluster-link';
import { Clock } from './common/clock';
import { AllExceptionsFilter, bodyParserErrors } from './common/all-exceptions.filter';
import { refuseDeepBodies } from './common/nesting-limit';
import { createValidationPipe } from './common/validation';
import { APP_VERSION } from './common/version';
import type { AppConfig } from './config/app-config';
import { withBootLock } from './database/boot-lock';
import { SeedService } from './seed/seed.service';
import { serveUis } from './ui/serve-uis';

/** Body size limit: ticket commands are tiny; anything larger is refused before it is parsed. */
export const BODY_LIMIT = '100kb';
/** Customer imports come as CSV files of up to this size. */
export const CSV_LIMIT = '20mb';

/**
 * Builds the configured application (used by main.ts and by the e2e tests, so both run the same
 * pipes, filters and routes). Migrations run while the module initialises; the demo seed right after.
 */
export async function createApp(config: AppConfig, options: { clock?: Clock } = {}): Promise<INestApplication> {
  // Instances started together on one PostgreSQL database migrate and seed one at a time.
  return withBootLock(config, async () => {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
      bodyParser: false,
      logger: config.nodeEnv === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
    });
    configureApp(app);
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

export function configureApp(app: INestApplication): void {
  app.use(
    json({ limit: BODY_LIMIT }),
    text({ type: 'text/csv', limit: CSV_LIMIT }),
    bodyParserErrors,
    refuseDeepBodies,
  );
  app.setGlobalPrefix('api');
  serveUis(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
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

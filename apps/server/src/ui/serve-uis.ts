import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { repoRoot } from '../common/repo-root';

/** Where `npm run build:ui` puts the built screens. */
export function builtUiDir(): string {
  return join(repoRoot() ?? process.cwd(), 'dist', 'ui');
}

/** The screens and the page each is built into (design.md §1). */
const PAGES: Record<string, string> = {
  '/kiosk': 'kiosk.html',
  '/display': 'display.html',
  '/t/:token': 'ticket.html',
};

/**
 * Serves the built UIs beside the API: `/kiosk`, `/display`, `/t/<token>` and their assets under `/ui/`.
 * Pages are never cached (a new build reaches every screen at its next load); hashed assets are.
 */
export function serveUis(app: INestApplication): void {
  const dir = builtUiDir();
  const express = app as NestExpressApplication;
  express.useStaticAssets(dir, { prefix: '/ui/', immutable: true, maxAge: '365d', index: false });
  const instance = express.getHttpAdapter().getInstance() as {
    get(path: string, handler: (request: Request, response: Response) => void): void;
  };
  for (const [path, page] of Object.entries(PAGES)) {
    instance.get(path, (_request, response) => {
      const file = join(dir, page);
      if (!existsSync(file)) {
        response
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The screens are not built yet: run `npm run build` (npm start does it for you).');
        return;
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(file);
    });
  }
  instance.get('/', (_request, response) => response.redirect('/kiosk'));
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { repoRoot } from '../common/repo-root';

/** Where `npm run build:ui` puts the built customer screens (kiosk-ui). */
export function builtUiDir(): string {
  return join(repoRoot() ?? process.cwd(), 'dist', 'ui');
}

/** Where `npm run build:ui` puts the built staff console (teller-ui). */
export function builtStaffUiDir(): string {
  return join(repoRoot() ?? process.cwd(), 'dist', 'ui-staff');
}

/** One built UI: its folder, the URL prefix of its assets, and its pages by route (design.md §1). */
interface BuiltUi {
  dir: string;
  assets: string;
  pages: Record<string, string>;
}

/**
 * Serves the built UIs beside the API: `/kiosk`, `/display`, `/t/<token>`, `/pad` with their assets under `/ui/`,
 * and the staff console at `/staff` with its assets under `/staff-ui/`. Pages are never cached (a new
 * build reaches every screen at its next load); hashed assets are.
 */
export function serveUis(app: INestApplication): void {
  const uis: BuiltUi[] = [
    {
      dir: builtUiDir(),
      assets: '/ui/',
      pages: { '/kiosk': 'kiosk.html', '/display': 'display.html', '/t/:token': 'ticket.html', '/pad': 'pad.html' },
    },
    { dir: builtStaffUiDir(), assets: '/staff-ui/', pages: { '/staff': 'staff.html' } },
  ];
  const express = app as NestExpressApplication;
  const instance = express.getHttpAdapter().getInstance() as {
    get(path: string, handler: (request: Request, response: Response) => void): void;
  };
  for (const ui of uis) {
    express.useStaticAssets(ui.dir, { prefix: ui.assets, immutable: true, maxAge: '365d', index: false });
    for (const [path, page] of Object.entries(ui.pages)) {
      instance.get(path, (_request, response) => {
        const file = join(ui.dir, page);
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
  }
  instance.get('/', (_request, response) => response.redirect('/kiosk'));
}

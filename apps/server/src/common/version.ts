import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The version in the root package.json, found from wherever this file runs (sources or dist/). */
function readVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lobbyflow') return pkg.version ?? '0.0.0';
    }
  }
  return '0.0.0';
}

export const APP_VERSION = readVersion();

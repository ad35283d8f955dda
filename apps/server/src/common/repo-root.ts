import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder of LobbyFlow's root package.json, found from wherever this file runs (sources or dist/). */
export function repoRoot(): string | null {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'lobbyflow') {
      return dir;
    }
  }
  return null;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

function readVersion(): string {
  const root = repoRoot();
  if (!root) return '0.0.0';
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
}

/** The version in the root package.json. */
export const APP_VERSION = readVersion();

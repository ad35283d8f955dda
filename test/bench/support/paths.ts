import { join } from 'node:path';
import { repoRoot } from '../../../apps/server/src/common/repo-root';

/** The repository, found by its package.json: the benchmarks run from bench-results/build, not from here. */
export const ROOT = repoRoot() ?? process.cwd();
/** The built server (`npm run build:server`, which `prebench` runs). */
export const BUILT_SERVER = join(ROOT, 'dist/apps/server/src');

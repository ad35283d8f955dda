import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile (what `node --cpu-prof` writes) that self time needs. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
  /** Microseconds on the machine's monotonic clock, which `process.hrtime` reads in every process. */
  startTime: number;
}

/**
 * A stretch of a profile, in microseconds of the monotonic clock (`process.hrtime.bigint() / 1000n` in any
 * process on the machine): only the samples taken inside it count.
 */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

/** Each sample's node id and the time it stands for (the delta that follows it), inside `window` if given. */
function samplesOf(profile: CpuProfile, window?: ProfileWindow): Array<{ id: number; us: number }> {
  const samples: Array<{ id: number; us: number }> = [];
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    samples.push({ id, us: profile.timeDeltas[index + 1] ?? 0 });
  });
  return samples;
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** Where a script lives, in a few words: an npm package, a server folder, or Node's own internals. */
export function moduleOf(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return 'node internals';
  const nodeModules = url.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const parts = url.slice(nodeModules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const server = /dist\/(apps\/server\/src|libs\/[a-z-]+\/src)\/([^/]+)/.exec(url);
  return server ? `lobbyflow ${server[1].replace('/src', '')}/${server[2]}` : url;
}

const frameName = (frame: CpuProfile['nodes'][number]['callFrame']) =>
  `${frame.functionName || '(anonymous)'} (${frame.url ? `${moduleOf(frame.url)}:${frame.lineNumber + 1}` : moduleOf(frame.url)})`;

/**
 * Self time (samples in which the function itself was on top of the stack) of the profile, grouped by
 * function and by module, largest first. Each sample's time is the delta that follows it.
 */
export function selfTimes(
  file: string,
  window?: ProfileWindow,
): { byFunction: SelfTime[]; byModule: SelfTime[]; totalMs: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let total = 0;
  for (const { id, us } of samplesOf(profile, window)) {
    const frame = frames.get(id);
    if (!frame || frame.functionName === '(idle)') continue;
    total += us;
    const name = frameName(frame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byModule.set(moduleOf(frame.url), (byModule.get(moduleOf(frame.url)) ?? 0) + us);
  }
  const sorted = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
  return { byFunction: sorted(byFunction), byModule: sorted(byModule), totalMs: Math.round(total / 1000) };
}

/**
 * Inclusive time (samples with the function anywhere on the stack, counted once per sample) of LobbyFlow's
 * own functions: which of its steps the self time above is spent under.
 */
export function lobbyflowInclusiveTimes(file: string, window?: ProfileWindow): SelfTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const { id, us } of samplesOf(profile, window)) {
    if (frames.get(id)?.functionName === '(idle)') continue;
    total += us;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parents.get(node)) {
      const frame = frames.get(node);
      if (!frame || !moduleOf(frame.url).startsWith('lobbyflow')) continue;
      const name = frameName(frame);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      seen.add(name);
    }
  }
  return [...inclusive.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
}

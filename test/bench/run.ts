/**
 * `npm run bench` runs every benchmark of issue #10 in turn; `npm run bench -- <name>...` runs some;
 * `--smoke` runs each code path in seconds (CI). Results go to bench-results/latest.md and latest.json,
 * and a full-size run also rewrites its benchmarks' generated sections of docs/benchmarks.md.
 * Built by `prebench` (tsc into bench-results/build) and run from there with plain node.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCallNext } from './call-next/call-next.bench';
import { runColdStart } from './cold-start/cold-start.bench';
import { runFanout } from './fanout/fanout.bench';
import { runIssueTicket } from './issue-ticket/issue-ticket.bench';
import { runProfile } from './profile/profile.bench';
import { runQueueCost } from './queue-cost/queue-cost.bench';
import { runScaleOut } from './scale-out/scale-out.bench';
import { ROOT } from './support/paths';
import { describeMachine, machineMarkdown, resultMarkdown, say } from './support/report';
import type { BenchOptions, BenchResult } from './support/result';

const RESULTS = join(ROOT, 'bench-results');
const DOCS = join(ROOT, 'docs/benchmarks.md');

type Benchmark = (options: BenchOptions) => Promise<BenchResult>;

/** Every benchmark by name, in the order `npm run bench` runs them. */
const BENCHMARKS: Record<string, Benchmark> = {
  'issue-ticket': runIssueTicket,
  'call-next': runCallNext,
  fanout: runFanout,
  'scale-out': runScaleOut,
  'cold-start': runColdStart,
};
/**
 * Run only when named (and in the smoke run, so that they do not rot): a profile of the server under the
 * issue-ticket load, and the CPU cost of a ticket as the queue grows, for finding and comparing costs.
 */
const ON_REQUEST: Record<string, Benchmark> = { profile: runProfile, 'queue-cost': runQueueCost };

function parseArgs(argv: string[]): { names: string[]; options: BenchOptions } {
  const smoke = argv.includes('--smoke');
  const names = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !(name in BENCHMARKS) && !(name in ON_REQUEST));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; known: ${[...Object.keys(BENCHMARKS), ...Object.keys(ON_REQUEST)].join(', ')}.`,
    );
  }
  const everyPath = [...Object.keys(BENCHMARKS), ...Object.keys(ON_REQUEST)];
  return { names: names.length > 0 ? names : smoke ? everyPath : Object.keys(BENCHMARKS), options: { smoke } };
}

/** A benchmark that threw: reported as such, and the run exits non-zero. */
function crashed(name: string, error: unknown): BenchResult {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(message);
  return {
    name,
    summary: `${name} did not complete`,
    tables: [],
    figures: {},
    targets: [{ name: 'the benchmark completes', met: false, value: 'crashed', mustHold: true }],
    notes: [message.split('\n').slice(0, 6).join(' / ')],
  };
}

/**
 * Replaces the text between `<!-- bench:<key> -->` and `<!-- /bench:<key> -->` in docs/benchmarks.md; a
 * missing section is appended, so a new benchmark finds its place on its first run.
 */
function replaceSection(doc: string, key: string, body: string): string {
  const open = `<!-- bench:${key} -->`;
  const close = `<!-- /bench:${key} -->`;
  const block = `${open}\n${body}\n${close}`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + close.length);
}

async function main(): Promise<void> {
  const { names, options } = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const machine = describeMachine();
  const began = performance.now();
  const results: BenchResult[] = [];
  // Each benchmark's wall time: the full run must stay under the 10 minutes issue #10 allows.
  const durations: string[] = [];
  for (const name of names) {
    say(`\n=== ${name}${options.smoke ? ' (smoke)' : ''}`);
    const benchmark = BENCHMARKS[name] ?? ON_REQUEST[name];
    const benchmarkBegan = performance.now();
    const result = await benchmark(options).catch((error: unknown) => crashed(name, error));
    durations.push(`${name} ${Math.round((performance.now() - benchmarkBegan) / 1000)} s`);
    results.push(result);
    say(`--- ${result.summary}`);
  }
  const seconds = Math.round((performance.now() - began) / 1000);

  const header = `${machineMarkdown(machine, startedAt, options.smoke)}\n- Benchmarks in ${seconds} s: ${durations.join(', ')}`;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    join(RESULTS, 'latest.json'),
    `${JSON.stringify({ startedAt, smoke: options.smoke, seconds, machine, results }, null, 2)}\n`,
  );
  const sections = results.map((result) => `## ${result.name}\n\n${resultMarkdown(result)}`);
  writeFileSync(join(RESULTS, 'latest.md'), `# LobbyFlow benchmarks\n\n${header}\n\n${sections.join('\n\n')}\n`);
  // The page holds the benchmarks' latest full-size figures; a profile is a tool for finding costs, not one.
  const documented = results.filter((result) => result.name in BENCHMARKS);
  const updateDocs = !options.smoke && documented.length > 0 && existsSync(DOCS);
  if (updateDocs) {
    let doc = readFileSync(DOCS, 'utf8');
    doc = replaceSection(doc, 'machine', header);
    for (const result of documented) doc = replaceSection(doc, result.name, resultMarkdown(result));
    writeFileSync(DOCS, doc);
  }
  say(`\nWrote bench-results/latest.md and latest.json${updateDocs ? ' and docs/benchmarks.md' : ''} (${seconds} s).`);

  const broken = results.flatMap((result) =>
    result.targets.filter((target) => target.mustHold && !target.met).map((target) => `${result.name}: ${target.name}`),
  );
  if (broken.length > 0) {
    console.error(`Correctness checks failed:\n  ${broken.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  // Every benchmark stops what it started; a handle one left open must not keep CI waiting.
  .finally(() => process.exit());

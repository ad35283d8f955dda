import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { freePort, ServerProcess, TestRedis, until } from '../../scale/support/processes';
import type { ProbeReading } from './probe';
import type { BareEmitCommand, EmitTimes } from './bare-server';

/**
 * The servers the fan-out benchmark measures: LobbyFlow (one instance, or two behind Redis) and the bare
 * socket.io baseline, each with the probe preloaded (probe.ts) so that both report event-loop delay and
 * RSS the same way.
 */

/** A sibling script of this file, as compiled (worker processes cannot be TypeScript without a loader). */
export function script(name: string): string {
  if (extname(__filename) !== '.js') {
    throw new Error('The fan-out benchmark forks its workers: run it compiled (npm run bench), not from TypeScript.');
  }
  return join(__dirname, `${name}.js`);
}

/**
 * WS_NO_BUFFER_UTIL / WS_NO_UTF_8_VALIDATE: with `native: false` the ws library (under socket.io on both
 * sides) runs without the bufferutil and utf-8-validate addons.
 */
export function wsEnv(native: boolean): Record<string, string> {
  return native ? {} : { WS_NO_BUFFER_UTIL: '1', WS_NO_UTF_8_VALIDATE: '1' };
}

/** The probe of one server process: readings on demand (SIGWINCH), written to a file of its own. */
export class Probe {
  readonly file: string;
  private last = 0;

  constructor(dir: string, name: string) {
    this.file = join(dir, `probe-${name}.json`);
  }

  /** Node's options that preload the probe. */
  static nodeArgs(): string[] {
    return ['--require', script('probe')];
  }

  /** Where the preloaded probe writes. */
  env(): Record<string, string> {
    return { BENCH_PROBE_FILE: this.file };
  }

  /** Takes a reading; `collectGarbage` first for memory figures (never inside a measured window). */
  async read(collectGarbage: boolean): Promise<ProbeReading> {
    if (collectGarbage) writeFileSync(`${this.file}.gc`, '');
    else rmSync(`${this.file}.gc`, { force: true });
    const pid = (JSON.parse(readFileSync(this.file, 'utf8')) as ProbeReading).pid;
    process.kill(pid, 'SIGWINCH');
    let reading: ProbeReading | null = null;
    await until(`a probe reading from ${this.file}`, () => {
      reading = JSON.parse(readFileSync(this.file, 'utf8')) as ProbeReading;
      return reading.reading > this.last;
    });
    this.last = (reading as unknown as ProbeReading).reading;
    return reading as unknown as ProbeReading;
  }
}

/** A benchmarked server: where screens connect, where commands go, and its probe. */
export interface MeasuredServer {
  name: string;
  url: string;
  probe: Probe;
}

/** One or more processes started for one scenario, stopped together. */
export interface Deployment {
  servers: MeasuredServer[];
  stop(): Promise<void>;
}

const SECRET = 'fanout-bench-secret-0123456789abcdef-0123456';
const CUSTOMER_KEY = 'fanout-bench-customer-key-0123456789abcdef';

/** The environment every LobbyFlow process of the benchmark shares (keys derive from JWT_SECRET). */
export function lobbyflowEnv(database: Record<string, string>): Record<string, string> {
  return { NODE_ENV: 'test', JWT_SECRET: SECRET, CUSTOMER_KEY, SEED_DEMO: 'false', ...database };
}

/** A scratch folder for probe files and the SQLite database; removed by the caller. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'lobbyflow-fanout-'));
}

/**
 * LobbyFlow instances on one database (`env`): one, or several sharing a Redis of their own. `nodeArgs`
 * adds flags such as `--cpu-prof`.
 */
export async function startLobbyflow(
  dir: string,
  env: Record<string, string>,
  instances: number,
  extra: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Deployment> {
  const redis = instances > 1 ? await TestRedis.start() : null;
  const servers: { process: ServerProcess; measured: MeasuredServer }[] = [];
  for (let i = 0; i < instances; i++) {
    const name = `lobbyflow-${i + 1}`;
    const probe = new Probe(dir, name);
    const process = new ServerProcess(
      name,
      await freePort(),
      { ...env, ...extra, ...probe.env(), ...(redis ? { REDIS_URL: redis.url } : {}) },
      [...Probe.nodeArgs(), ...nodeArgs],
    );
    await process.start();
    servers.push({ process, measured: { name, url: process.url, probe } });
  }
  return {
    servers: servers.map((server) => server.measured),
    stop: async () => {
      await Promise.all(servers.map((server) => server.process.stop()));
      await redis?.down();
    },
  };
}

/** The bare socket.io server, forked; `emit` starts its timer-driven events. */
export interface BareDeployment extends Deployment {
  /** Resolves when the last event is out, with the time each was emitted. */
  emit(command: BareEmitCommand): Promise<EmitTimes>;
}

export async function startBare(dir: string): Promise<BareDeployment> {
  const probe = new Probe(dir, 'bare');
  const port = await freePort();
  const child: ChildProcess = fork(script('bare-server'), [], {
    execArgv: Probe.nodeArgs(),
    env: { PATH: process.env.PATH ?? '', ...probe.env(), PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the bare socket.io server exited with ${code}`)));
  });
  await until('the bare server probe', () => existsSync(probe.file));
  return {
    servers: [{ name: 'bare', url: `http://127.0.0.1:${port}`, probe }],
    emit: (command) =>
      new Promise((resolve) => {
        child.once('message', (reply: { emitted: EmitTimes }) => resolve(reply.emitted));
        child.send(command);
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

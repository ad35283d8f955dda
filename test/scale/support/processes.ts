import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { repoRoot } from '../../../apps/server/src/common/repo-root';

// Found by its package.json: the benchmarks run this file compiled into bench-results/build.
const ROOT = repoRoot() ?? process.cwd();
/** The built server (`npm run build:server`, which `npm run test:scale` runs first). */
export const SERVER_ENTRY = join(ROOT, 'dist/apps/server/src/main.js');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it resolves true; throws naming `what` after `ms`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

let logDir: string | null = null;

/** Where the processes of one test file write their logs (quoted when one fails to start); made on first use. */
function logFile(name: string): string {
  logDir ??= mkdtempSync(join(tmpdir(), 'lobbyflow-scale-'));
  return join(logDir, name);
}

/** Removes the logs once the processes are stopped. */
export function removeLogs(): void {
  if (logDir) rmSync(logDir, { recursive: true, force: true });
  logDir = null;
}

function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}

/**
 * A redis-server the test owns, on a port of its own, without persistence: stopping it loses everything,
 * as a restarted Redis without AOF would. The machine's shared Redis is never touched.
 */
export class TestRedis {
  private process: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server again on the same port. */
  async up(): Promise<void> {
    const log = logFile(`redis-${this.port}.log`);
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out = createWriteStream(log, { flags: 'a' });
    this.process.stdout?.pipe(out);
    this.process.stderr?.pipe(out);
    await until(`redis-server on port ${this.port} (log: ${tail(log)})`, () =>
      tail(log, 200).includes('Ready to accept connections'),
    );
  }

  /** How many connections subscribe to the channel the LobbyFlow instances exchange batches on. */
  async subscribers(channel = 'lobbyflow#/#'): Promise<number> {
    const client = createClient({ url: this.url });
    await client.connect();
    try {
      const reply = (await client.sendCommand(['PUBSUB', 'SHARDNUMSUB', channel])) as [string, number];
      return Number(reply[1]);
    } finally {
      await client.close();
    }
  }

  /** Kills the server at once (SIGKILL): its data is gone, connected clients see the link drop. */
  async down(): Promise<void> {
    const process = this.process;
    this.process = null;
    if (!process || process.exitCode !== null) return;
    const exited = new Promise((done) => process.once('exit', done));
    process.kill('SIGKILL');
    await exited;
  }
}

/** One LobbyFlow server process (the built `main.js`), as a deployment runs it. */
export class ServerProcess {
  private process: ChildProcess | null = null;
  private readonly log: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    /** Options for node itself, before the script (the benchmarks profile with `--cpu-prof`). */
    private readonly nodeArgs: string[] = [],
  ) {
    this.log = logFile(`server-${name}.log`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The running process's id (the benchmarks read its CPU time), or undefined when stopped. */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Starts the process and resolves once `/api/health` answers. */
  async start(): Promise<void> {
    if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run npm run build:server first.`);
    const out = createWriteStream(this.log, { flags: 'a' });
    const child = spawn(process.execPath, [...this.nodeArgs, SERVER_ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    this.process = child;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server ${this.name} exited at start:\n${tail(this.log)}`);
      const healthy = await fetch(`${this.url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      if (Date.now() > deadline) throw new Error(`server ${this.name} did not start:\n${tail(this.log)}`);
      await sleep(100);
    }
  }

  /** SIGKILL: no shutdown hooks, sockets cut, as a crashed machine would. */
  async kill(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM, as an orchestrator stops a server: resolves with the exit code once the process is gone. */
  async terminate(): Promise<number | null> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    return exited;
  }

  /** SIGTERM and wait: the normal stop at the end of the test. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    // A server that has not stopped within 10 s is killed (the timer must not outlive the stop).
    const stopped = await new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), 10_000);
      void exited.then(() => {
        clearTimeout(timer);
        done(true);
      });
    });
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

/** Signs a demo staff member in on the server at `url` (taking over any seat): their token and counter. */
export async function signIn(
  url: string,
  username: string,
): Promise<{ accessToken: string; user: { counterId: string } }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234', takeOver: true }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return (await response.json()) as { accessToken: string; user: { counterId: string } };
}

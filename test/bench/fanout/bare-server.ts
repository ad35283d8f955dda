import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import type { EventSample } from './protocol';

/**
 * The baseline: a bare socket.io server (no Nest, no database, no authentication) with LobbyFlow's
 * display rooms, emitting copies of the events LobbyFlow sent in its own run (same types, same shape,
 * same size) at the same rate across the same branches. Each event's `at` is the time its timer was due,
 * so a late timer counts as latency, like a command that waited; the time each event was handed to
 * socket.io is its counterpart of LobbyFlow's commit. Forked by the orchestrator, which sends one `emit`
 * command; it answers `listening` once up and `done` (with those times) when the schedule is over.
 */

export interface BareEmitCommand {
  kind: 'emit';
  branches: string[];
  /** The events one command produced in LobbyFlow, in order. */
  burst: EventSample[];
  /** Bursts per second across all branches. */
  rate: number;
  start: number;
  end: number;
}

const publicRoom = (branchId: string) => `branch:${branchId}:public`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false });
io.use((socket, next) => {
  const branchId: unknown = socket.handshake.auth?.branchId;
  if (typeof branchId !== 'string') {
    next(new Error('auth.branchId is required'));
    return;
  }
  void socket.join(publicRoom(branchId));
  next();
});

/** `<branchId>:<seq>` → when it was emitted (epoch ms, sub-ms precision). */
export type EmitTimes = Record<string, number>;

async function emitAll(command: BareEmitCommand): Promise<EmitTimes> {
  const emitted: EmitTimes = {};
  const seqs = new Map<string, number>();
  const total = Math.floor(((command.end - command.start) / 1000) * command.rate);
  for (let i = 0; i < total; i++) {
    const due = command.start + (i * 1000) / command.rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const branchId = command.branches[i % command.branches.length];
    const at = new Date(Math.floor(due)).toISOString();
    for (const event of command.burst) {
      const seq = (seqs.get(branchId) ?? 0) + 1;
      seqs.set(branchId, seq);
      emitted[`${branchId}:${seq}`] = performance.timeOrigin + performance.now();
      io.to(publicRoom(branchId)).emit(event.type, { ...event.payload, branchId, seq, at });
    }
  }
  return emitted;
}

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => process.send?.({ kind: 'listening' }));
process.on('message', (command: BareEmitCommand) => {
  void emitAll(command).then((emitted) => process.send?.({ kind: 'done', emitted }));
});
process.on('disconnect', () => process.exit(0));

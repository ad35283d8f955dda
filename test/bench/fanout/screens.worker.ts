import { performance } from 'node:perf_hooks';
import * as hdr from 'hdr-histogram-js';
import WebSocket from 'ws';
import type { EventSample, MeasureWindow, Receipt, ScreenPlan, WorkerCommand, WorkerReply } from './protocol';

/**
 * A forked process holding a share of the benchmark's display screens (socket.io connections). It records,
 * for each event of the measured window, how many of its screens received it and when the last one did;
 * the orchestrator merges the workers' records into last-receiver latency. Receipt times are taken with
 * the high-resolution clock anchored to the wall clock, so they compare with the servers' timestamps.
 */

/** Handshakes in flight at once per worker: 10,000 at once would time out on a busy machine. */
const CONNECT_CONCURRENCY = 200;
const CONNECT_TIMEOUT_MS = 30_000;
/** A handshake that times out on a loaded machine is tried again, as a display would. */
const CONNECT_ATTEMPTS = 3;
/** Events kept as payload samples for the baseline server. */
const SAMPLE_COUNT = 20;

const now = () => performance.timeOrigin + performance.now();

const sockets: WebSocket[] = [];
const receipts = new Map<string, Receipt>();
const samples: EventSample[] = [];
let everyScreen = hdr.build({ numberOfSignificantValueDigits: 3 });
let window: MeasureWindow | null = null;
let disconnects = 0;

function reply(message: WorkerReply): void {
  process.send?.(message);
}

/** A server event carrying the numbered envelope both servers send: `branchId`, `seq` and `at`. */
function envelope(payload: unknown): { branchId: string; seq: number; at: string; ticket?: { id?: string } } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { branchId, seq, at } = payload as Record<string, unknown>;
  return typeof branchId === 'string' && typeof seq === 'number' && typeof at === 'string'
    ? (payload as { branchId: string; seq: number; at: string })
    : null;
}

function received(type: string, payload: unknown): void {
  const at = now();
  const event = envelope(payload);
  if (!event) return;
  const key = `${event.branchId}:${event.seq}`;
  if (samples.length < SAMPLE_COUNT && !samples.some((sample) => sampleKey(sample) === key)) {
    samples.push({ type, payload: payload as Record<string, unknown> });
  }
  const stamp = Date.parse(event.at);
  if (!window || stamp < window.from || stamp >= window.to) return;
  everyScreen.recordValue(Math.max(0, Math.round((at - stamp) * 1000)));
  const receipt = receipts.get(key);
  if (receipt) {
    receipt.screens += 1;
    receipt.last = Math.max(receipt.last, at);
  } else {
    receipts.set(key, { key, stamp, screens: 1, last: at, ticketId: event.ticket?.id });
  }
}

function sampleKey(sample: EventSample): string {
  return `${String(sample.payload.branchId)}:${String(sample.payload.seq)}`;
}

/**
 * One screen: a WebSocket speaking the socket.io protocol directly (engine.io v4 open packet, the
 * namespace CONNECT with the handshake auth, pings answered, `42` event packets). A display's browser
 * runs socket.io-client; the benchmark's screens need only the wire protocol, and socket.io-client's
 * per-socket machinery would make 10,000 of them cost the client processes most of the machine (and
 * minutes to connect) that the measured server should have.
 */
function connectOne(plan: ScreenPlan): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = `${plan.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const socket = new WebSocket(url);
    const timer = setTimeout(() => fail(new Error('handshake timed out')), CONNECT_TIMEOUT_MS);
    let open = false;
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.terminate();
      reject(error);
    };
    socket.on('error', (error) => (open ? undefined : fail(error)));
    socket.on('close', () => {
      if (open) disconnects += 1;
    });
    socket.on('message', (data: Buffer) => {
      const packet = data.toString();
      if (packet.startsWith('42')) {
        const [type, payload] = JSON.parse(packet.slice(2)) as [string, unknown];
        received(type, payload);
      } else if (packet === '2') {
        socket.send('3');
      } else if (packet.startsWith('0')) {
        socket.send(`40${JSON.stringify({ token: plan.token, branchId: plan.branchId })}`);
      } else if (packet.startsWith('40')) {
        open = true;
        clearTimeout(timer);
        sockets.push(socket);
        resolve();
      } else if (packet.startsWith('44')) {
        fail(new Error(`refused: ${packet.slice(2)}`));
      }
    });
  });
}

async function connectAll(plans: ScreenPlan[]): Promise<void> {
  let next = 0;
  let failed = 0;
  let retries = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (next < plans.length) {
      const plan = plans[next++];
      for (let attempt = 1; ; attempt++) {
        const error = await connectOne(plan).then(
          () => null,
          (reason: unknown) => (reason instanceof Error ? reason.message : String(reason)),
        );
        if (error === null) break;
        retries += 1;
        if (attempt < CONNECT_ATTEMPTS) continue;
        failed += 1;
        firstError ??= error;
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  reply({ kind: 'connected', connected: sockets.length, failed, retries, firstError });
}

function collect(): void {
  reply({
    kind: 'collected',
    receipts: [...receipts.values()],
    everyScreen: hdr.encodeIntoCompressedBase64(everyScreen),
    samples,
    disconnects,
  });
  receipts.clear();
  everyScreen = hdr.build({ numberOfSignificantValueDigits: 3 });
  window = null;
}

function close(): void {
  for (const socket of sockets) socket.terminate();
  sockets.length = 0;
  reply({ kind: 'closed' });
}

process.on('message', (command: WorkerCommand) => {
  switch (command.kind) {
    case 'connect':
      void connectAll(command.screens);
      break;
    case 'measure':
      window = command.window;
      reply({ kind: 'measuring' });
      break;
    case 'collect':
      collect();
      break;
    case 'close':
      close();
      break;
  }
});
// The orchestrator gone (a crash, Ctrl-C): nothing to report to, so leave too.
process.on('disconnect', () => process.exit(0));

/**
 * The messages the fan-out benchmark's processes exchange over their IPC channels (`process.send`), and
 * the few shapes they share. The orchestrator (fanout.bench.ts) forks the screen workers and the event
 * generator; each answers its commands with exactly one reply.
 */

/** One display screen to connect: the server to connect to, the token of its branch and the branch. */
export interface ScreenPlan {
  url: string;
  token: string;
  branchId: string;
}

/** The window whose deliveries count (epoch ms, command time): warm-up before it is left out. */
export interface MeasureWindow {
  from: number;
  to: number;
}

/** What a screen worker knows of one event after the run: everything needed for last-receiver latency. */
export interface Receipt {
  /** `<branchId>:<seq>`: an event's identity in both servers. */
  key: string;
  /** The event's own time: the command's `at` (LobbyFlow) or the emit timer's scheduled time (baseline). */
  stamp: number;
  /** How many of this worker's screens received it. */
  screens: number;
  /** When the last of them received it (epoch ms with sub-ms precision). */
  last: number;
  /** The ticket it carries, to join with the generator's scheduled send time. */
  ticketId?: string;
}

/** The payload of one event as a screen received it (the baseline sends copies of these). */
export interface EventSample {
  type: string;
  payload: Record<string, unknown>;
}

export type WorkerCommand =
  | { kind: 'connect'; screens: ScreenPlan[] }
  | { kind: 'measure'; window: MeasureWindow }
  | { kind: 'collect' }
  | { kind: 'close' };

export type WorkerReply =
  | { kind: 'connected'; connected: number; failed: number; retries: number; firstError: string | null }
  | { kind: 'measuring' }
  | {
      kind: 'collected';
      receipts: Receipt[];
      /** Every screen's latency (stamp to receipt), µs, as a compressed HDR histogram. */
      everyScreen: string;
      /** The events of the first command-sized burst seen per branch, for the baseline's payloads. */
      samples: EventSample[];
      disconnects: number;
    }
  | { kind: 'closed' };

/** One branch the generator sends commands for, and where. */
export interface GeneratorTarget {
  url: string;
  branchId: string;
  kioskKey: string;
}

export type GeneratorCommand = {
  kind: 'run';
  targets: GeneratorTarget[];
  /** Commands per second across all branches, sent on a fixed schedule whatever the answers. */
  rate: number;
  /** When the schedule starts and ends (epoch ms). */
  start: number;
  end: number;
};

/** What the generator did: its answers, and when each issued ticket was meant to be requested. */
export interface GeneratorReply {
  kind: 'done';
  sent: number;
  ok: number;
  failed: number;
  firstError: string | null;
  /** Largest lag of a send behind its schedule (ms): the generator itself keeping up. */
  maxSendLag: number;
  /** ticket id → scheduled send time (epoch ms). */
  scheduled: Record<string, number>;
}

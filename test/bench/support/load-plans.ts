import type { LatencySummary } from './latency';

/** One HTTP request the load generator repeats; `idempotencyKey` adds a fresh Idempotency-Key to each. */
export interface RequestSpec {
  path: string;
  headers: Record<string, string>;
  body: unknown;
  idempotencyKey: boolean;
}

/**
 * Open loop at a fixed rate: request i is due at start + i / rate whatever happened to the earlier ones,
 * and its latency runs from that due time, so a stall of the server shows up as latency instead of
 * quietly lowering the rate (no coordinated omission). Requests due in the warm-up are sent, not counted.
 */
export interface OpenLoopPlan {
  kind: 'open-loop';
  /** Requests go round-robin over these servers (one for SQLite, two instances for the scale-out). */
  baseUrls: string[];
  request: RequestSpec;
  rate: number;
  warmupSeconds: number;
  seconds: number;
}

export interface OpenLoopReport {
  offeredRps: number;
  /** Answers to measured requests per second, from the first measured due time to the last answer. */
  achievedRps: number;
  /** Measured requests answered with a 2xx. */
  ok: number;
  /** Measured requests answered otherwise, failed, or never sent because too many were in flight. */
  errors: number;
  /** Status codes of the failures (`ERR` for a network error or a timeout, `DROPPED` for never sent). */
  failures: Record<string, number>;
  latency: LatencySummary;
}

/** A teller signed in at a counter, as the call-next benchmark hands them to the load generator. */
export interface TellerSeat {
  baseUrl: string;
  token: string;
  counterId: string;
}

/**
 * Tellers working in a closed loop, as real tellers do (each waits for their answer before the next
 * step): call-next, start, finish, again, until call-next answers 204 (the pre-issued tickets are gone).
 */
export interface TellerPlan {
  kind: 'tellers';
  tellers: TellerSeat[];
}

export interface TellerReport {
  /** Tickets called, started and finished. */
  served: number;
  elapsedSeconds: number;
  callNext: LatencySummary;
  /** Every request of the loop: call-next, start and finish. */
  allRequests: LatencySummary;
  errors: number;
  failures: Record<string, number>;
  /** Ticket ids that call-next handed to more than one teller, as the tellers saw it. */
  ticketsHandedOutTwice: number;
}

export type LoadPlan = OpenLoopPlan | TellerPlan;
export type LoadReport = OpenLoopReport | TellerReport;

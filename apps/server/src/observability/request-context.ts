import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IdempotentRequest } from '../idempotency/idempotent-request';

/**
 * What every log line of one HTTP request, socket connection or scheduled job carries without being
 * handed it: its id, and once known, the branch and the caller. Mutable on purpose: the id is known when
 * the request arrives, the caller only after the AuthGuard resolved the token. It also carries what the
 * request's branch commands need to know of it: whether its caller is still there, and its
 * Idempotency-Key (only the handler starts branch commands in a request's context).
 */
export interface RequestContext {
  requestId: string;
  branch?: string;
  /** `staff:<id>`, `device:<id>` or `ticket:<id>`: never a name, a card or a phone number. */
  user?: string;
  /** The handler that serves the request (`counters.callNext`), or the job (`job.day-rollover`). */
  command?: string;
  /** True once the HTTP client has closed its connection without waiting for the answer. */
  callerGone?: () => boolean;
  /** The request's `Idempotency-Key`, on the routes marked `@Idempotent()` (idempotency/). */
  idempotent?: IdempotentRequest;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request (or job) the current code runs for; undefined outside one. */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Completes the current request's context for the AuthGuard (auth/auth.guard.ts), which resolves the
 * caller and knows the handler: the handler that serves the request names its command in the metrics
 * (`CountersController.callNext` -> `counters.callNext`). The guard does it rather than an interceptor:
 * a global interceptor put Nest's interceptor chain (rxjs, two async-context binds) on every request.
 */
export function nameHandler(controller: string, handler: string): void {
  const context = storage.getStore();
  if (!context) return;
  const feature = controller.replace(/Controller$/, '');
  context.command = `${feature.charAt(0).toLowerCase()}${feature.slice(1)}.${handler}`;
}

/** Records the caller the AuthGuard resolved: its branch and an id (`staff:<id>`, never a name). */
export function noteCaller(branch: string, user: string): void {
  const context = storage.getStore();
  if (!context) return;
  context.branch = branch;
  context.user = user;
}

/** Runs `work` and everything it awaits or schedules inside `context`. */
export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** An incoming id a proxy or client may set: short, and only characters that cannot forge a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's `X-Request-Id` when it is sane (so a trace crosses the proxy), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

import type { ErrorBody } from '@lobbyflow/contracts';

/**
 * An API refusal, with the server's stable code (`NETWORK` when the server could not be reached, `TIMEOUT`
 * when it did not answer in time) and the facts it gave to act on (`{retryAfterSeconds}` for
 * RECALL_TOO_SOON, `{heldBy}` for COUNTER_SEAT_TAKEN).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A request body sent as it is, with its own content type. */
class TextBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/**
 * How a client retries what is safe to retry: reads, and commands that carry an Idempotency-Key (the
 * server answers a repeated key with its first answer, so a retry never acts twice). Only failures that
 * say nothing about the request are retried: no answer (network), no answer in time, and the 502/503/504
 * of a proxy or a restarting server. A 4xx is the server's answer and never retried, nor is a 500.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The backoff before retry n is a random share of min(maxDelayMs, baseDelayMs x 2^(n-1)) ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** An attempt without an answer after this long is abandoned (and retried). */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/**
 * Four attempts within about 2 s of backoff: enough to ride out a restarting instance or a balancer
 * switching over, short enough that a teller is told soon when the server is really gone. Jitter spreads
 * the retries of many screens that lost the same server at the same moment.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
  timeoutMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** Statuses a proxy or a restarting server answers with before the request reached LobbyFlow's logic. */
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

/** Whether a failed attempt may be sent again. */
export function isRetryable(error: ApiError): boolean {
  return error.code === 'NETWORK' || error.code === 'TIMEOUT' || RETRYABLE_STATUSES.has(error.status);
}

/** How long to wait before retry `retry` (1 for the first retry). */
export function backoffMs(retry: number, policy: RetryPolicy): number {
  return Math.floor(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)));
}

/**
 * A new Idempotency-Key: 128 random bits in hex. `crypto.getRandomValues` works on plain-HTTP pages too,
 * where `crypto.randomUUID` does not exist (a branch may serve its screens without TLS).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ui-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** One HTTP request as the client sends it. */
interface Call {
  method: string;
  path: string;
  body?: object;
  headers?: Record<string, string>;
  answer?: 'json' | 'text';
  /** Whether it is safe to send again (a read, or a command with an Idempotency-Key). */
  retry: boolean;
}

/**
 * The one place the UIs call HTTP from (Home Assistant's `data/` layer: components never fetch).
 * `baseUrl` is '' in a browser served by LobbyFlow itself. Reads and keyed commands are retried by
 * `retryPolicy`; other writes are sent once.
 */
export class ApiClient {
  constructor(
    protected readonly baseUrl: string,
    protected readonly token: () => string | null,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    private readonly retryPolicy: RetryPolicy = DEFAULT_RETRY,
  ) {}

  protected get<T>(path: string): Promise<T> {
    return this.send<T>({ method: 'GET', path, retry: true });
  }

  /** A write sent once: a retry could do it twice (sign-in, admin changes). */
  protected post<T>(path: string, body: object): Promise<T> {
    return this.send<T>({ method: 'POST', path, body, retry: false });
  }

  /**
   * A command the server runs once per Idempotency-Key: sent with `idempotencyKey` and retried with the
   * same key. The key belongs to one user action: the caller makes it once (a kiosk customer's ticket)
   * or lets `command` make it.
   */
  protected postOnce<T>(path: string, body: object, idempotencyKey: string): Promise<T> {
    return this.send<T>({ method: 'POST', path, body, headers: { 'Idempotency-Key': idempotencyKey }, retry: true });
  }

  /** One user action (a button press): a new Idempotency-Key, reused by every retry of this call. */
  protected command<T>(path: string, body: object = {}): Promise<T> {
    return this.postOnce<T>(path, body, newIdempotencyKey());
  }

  protected patch<T>(path: string, body: object): Promise<T> {
    return this.send<T>({ method: 'PATCH', path, body, retry: false });
  }

  protected put<T>(path: string, body: object): Promise<T> {
    return this.send<T>({ method: 'PUT', path, body, retry: false });
  }

  protected delete<T>(path: string): Promise<T> {
    return this.send<T>({ method: 'DELETE', path, retry: false });
  }

  /** Posts a document as it is (a CSV file as `text/csv`), not as JSON. */
  protected postText<T>(path: string, text: string, contentType: string): Promise<T> {
    return this.send<T>({ method: 'POST', path, body: new TextBody(text, contentType), retry: false });
  }

  /** Reads an answer that is not JSON (a CSV export) as text. */
  protected getText(path: string): Promise<string> {
    return this.send<string>({ method: 'GET', path, answer: 'text', retry: true });
  }

  private async send<T>(call: Call): Promise<T> {
    const policy = this.retryPolicy;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt<T>(call);
      } catch (error) {
        const again = call.retry && attempt < policy.attempts && error instanceof ApiError && isRetryable(error);
        if (!again) throw error;
        await policy.sleep(backoffMs(attempt, policy));
      }
    }
  }

  private async attempt<T>({ method, path, body, headers = {}, answer = 'json' }: Call): Promise<T> {
    const token = this.token();
    const contentType = body instanceof TextBody ? body.contentType : 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.retryPolicy.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'Content-Type': contentType } : {}),
          ...headers,
        },
        body: body instanceof TextBody ? body.text : body ? JSON.stringify(body) : undefined,
        signal: abort.signal,
      });
    } catch (error) {
      if (abort.signal.aborted) {
        throw new ApiError(0, 'TIMEOUT', `The server did not answer within ${this.retryPolicy.timeoutMs / 1000} s.`);
      }
      throw new ApiError(0, 'NETWORK', `The server could not be reached (${String(error)}).`);
    } finally {
      clearTimeout(timer);
    }
    if (response.ok && answer === 'text') return (await response.text()) as T;
    const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = (payload ?? {}) as Partial<ErrorBody>;
      throw new ApiError(
        response.status,
        error.code ?? 'NETWORK',
        error.message ?? `HTTP ${response.status}`,
        error.details ?? {},
      );
    }
    return payload as T;
  }
}

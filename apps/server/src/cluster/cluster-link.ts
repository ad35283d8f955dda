import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createClient } from '@redis/client';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

type RedisClient = ReturnType<typeof newClient>;

/** Attempts of a starting instance to reach Redis (about 6 s) before it gives up and stops with a message. */
const BOOT_ATTEMPTS = 10;
/** Backoff between reconnection attempts once the link has been up: never more than this. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * The link between instances (issue #9): with `REDIS_URL`, two Redis connections (one publishes, one
 * subscribes) behind the socket.io sharded Redis adapter; without it, nothing, and the instance runs alone.
 *
 * A starting instance must reach Redis (a wrong URL stops the start with a message). Once up, a lost link
 * is retried forever: meanwhile this instance's own sockets keep receiving its own commands' events, and
 * when the link is back, `onRestored` listeners (the live gateway) read what they missed from the log.
 */
@Injectable()
export class ClusterLink implements OnApplicationShutdown {
  private readonly logger = new Logger('ClusterLink');
  private publisher: RedisClient | null = null;
  private subscriber: RedisClient | null = null;
  private readonly restoredListeners = new Set<() => void>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether this instance shares events with others through Redis. */
  get enabled(): boolean {
    return this.config.redisUrl !== null;
  }

  /** Connects both clients (before the socket.io server is created); a no-op without REDIS_URL. */
  async connect(): Promise<void> {
    const url = this.config.redisUrl;
    if (url === null || this.publisher) return;
    // Publishing while the link is down fails at once instead of queueing: the gap is read from the
    // event log when the link is back, so a backlog of stale messages would only be replayed for nothing.
    this.publisher = this.client(url, 'publisher', { disableOfflineQueue: true });
    this.subscriber = this.client(url, 'subscriber', {});
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    } catch (error) {
      await this.close();
      throw new Error(`REDIS_URL: cannot reach Redis at ${redactedUrl(url)} (${String(error)}).`);
    }
  }

  /**
   * The socket.io adapter over this link. Sharded Pub/Sub (Redis 7) with static subscriptions: instances
   * exchange one message per committed batch on the namespace channel, and never broadcast to a room
   * across instances, so per-room channels would only cost subscriptions.
   */
  adapter(): ReturnType<typeof createShardedAdapter> {
    if (!this.publisher || !this.subscriber) throw new Error('The cluster link is not connected.');
    return createShardedAdapter(this.publisher, this.subscriber, {
      channelPrefix: 'lobbyflow',
      subscriptionMode: 'static',
    });
  }

  /**
   * Whether both connections are up and Redis answers a PING within `timeoutMs` (the health check). The
   * publisher fails at once while the link is down (no offline queue), so a dead Redis costs no wait.
   */
  async reachable(timeoutMs: number): Promise<boolean> {
    const publisher = this.publisher;
    if (!publisher?.isReady || !this.subscriber?.isReady) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([publisher.ping().then((reply) => reply === 'PONG'), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Called each time the link comes back after it was lost. Returns an unsubscribe function. */
  onRestored(listener: () => void): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private client(
    url: string,
    role: 'publisher' | 'subscriber',
    options: { disableOfflineQueue?: boolean },
  ): RedisClient {
    let everReady = false;
    let down = false;
    const client = newClient(url, options, (retries, cause) =>
      // Starting: give up after a few seconds (the start stops with a message). Running: retry forever.
      !everReady && retries >= BOOT_ATTEMPTS ? cause : Math.min(100 * (retries + 1), MAX_RECONNECT_DELAY_MS),
    );
    client.on('error', (error: unknown) => {
      // Reported once per outage, not once per retry.
      if (everReady && !down) this.logger.warn(`Redis link lost (${role}): ${String(error)}; retrying.`);
      if (everReady) down = true;
    });
    client.on('ready', () => {
      everReady = true;
      if (!down) return;
      down = false;
      this.logger.log(`Redis link restored (${role}).`);
      // The subscriber is what hears the other instances: its return is the link's.
      if (role === 'subscriber') for (const listener of this.restoredListeners) listener();
    });
    return client;
  }

  private async close(): Promise<void> {
    const clients = [this.publisher, this.subscriber].filter((client): client is RedisClient => client !== null);
    this.publisher = null;
    this.subscriber = null;
    await Promise.all(clients.map((client) => closeClient(client).catch(() => {})));
  }
}

/**
 * Closes a connected client after its pending commands; one that is reconnecting is destroyed at once
 * (a graceful close would wait for a Redis that may never come back, and the shutdown with it).
 */
async function closeClient(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close();
  else if (client.isOpen) client.destroy();
}

function newClient(
  url: string,
  options: { disableOfflineQueue?: boolean },
  reconnectStrategy: (retries: number, cause: Error) => number | Error,
) {
  return createClient({ url, ...options, socket: { connectTimeout: 2_000, reconnectStrategy } });
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

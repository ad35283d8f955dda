import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { createClient } from '@redis/client';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Attempts of a starting instance to reach Redis (about 6 s), as the cluster link makes. */
const BOOT_ATTEMPTS = 10;

/** Counters in this process, forgotten once their window is over (swept at most once per window). */
class MemoryCounts {
  private readonly counts = new Map<string, { count: number; forgetAt: number }>();
  private nextSweepAt = 0;

  constructor(private readonly clock: Clock) {}

  /** Adds one to `key` and returns the new count; the key is forgotten after `keepMs`. */
  increment(key: string, keepMs: number): number {
    const now = this.clock.now().getTime();
    this.sweep(now, keepMs);
    const entry = this.counts.get(key) ?? { count: 0, forgetAt: now + keepMs };
    entry.count += 1;
    this.counts.set(key, entry);
    return entry.count;
  }

  private sweep(now: number, keepMs: number): void {
    if (now < this.nextSweepAt) return;
    for (const [key, entry] of this.counts) if (entry.forgetAt <= now) this.counts.delete(key);
    this.nextSweepAt = now + keepMs;
  }
}

/**
 * The storage behind the sign-in rate limit (`@nestjs/throttler`): fixed windows of `ttl` counted on the
 * server's Clock, so a test moves past a window without waiting. A key is blocked for the rest of its
 * window once it has had more than `limit` attempts.
 *
 * With REDIS_URL the counters are in Redis, so the limit holds across every instance (an attacker cannot
 * multiply it by the number of instances behind the balancer). If Redis cannot be reached for a moment,
 * this instance counts on its own meanwhile rather than refusing every sign-in.
 */
@Injectable()
export class AttemptCounter implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AttemptCounter');
  private readonly memory: MemoryCounts;
  private redis: ReturnType<typeof createClient> | null = null;
  private redisFailing = false;

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.memory = new MemoryCounts(clock);
  }

  async onModuleInit(): Promise<void> {
    if (this.config.redisUrl === null) return;
    // No offline queue: while Redis is away a sign-in falls back to the local count instead of waiting.
    let everReady = false;
    this.redis = createClient({
      url: this.config.redisUrl,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2_000,
        // Starting: give up after a few attempts (the start stops with the error). Running: retry forever.
        reconnectStrategy: (retries, cause) =>
          !everReady && retries >= BOOT_ATTEMPTS ? cause : Math.min(100 * (retries + 1), 2_000),
      },
    });
    this.redis.on('ready', () => {
      everReady = true;
    });
    this.redis.on('error', () => {
      // Reported by increment() when a count actually fails; the client reconnects by itself.
    });
    await this.redis.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.redis;
    this.redis = null;
    if (!client?.isOpen) return;
    // A client still trying to reconnect is dropped at once rather than waited for.
    if (client.isReady) await client.close().catch(() => {});
    else client.destroy();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    const now = this.clock.now().getTime();
    const window = Math.floor(now / ttl);
    const windowEndsAt = (window + 1) * ttl;
    const count = await this.count(`lobbyflow:attempts:${throttlerName}:${key}:${window}`, windowEndsAt - now);
    const secondsLeft = Math.max(1, Math.ceil((windowEndsAt - now) / 1000));
    const isBlocked = count > limit;
    return { totalHits: count, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }

  /** Adds one attempt in Redis when it is there (one count for all instances), else in this process. */
  private async count(key: string, keepMs: number): Promise<number> {
    try {
      if (!this.redis?.isReady) throw new Error('not connected');
      const [count] = await this.redis.multi().incr(key).pExpire(key, keepMs).exec();
      this.redisFailing = false;
      return Number(count);
    } catch (error) {
      if (this.redis && !this.redisFailing) {
        this.logger.warn(`Counting sign-in attempts on this instance only: Redis failed (${String(error)}).`);
      }
      this.redisFailing = this.redis !== null;
      return this.memory.increment(key, keepMs);
    }
  }
}

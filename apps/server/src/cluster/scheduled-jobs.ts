import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { BranchCommands } from '../commands/branch-commands';
import { Clock } from '../common/clock';
import { runInContext } from '../observability/request-context';
import { ScheduledJobEntity } from './scheduled-job.entity';

interface RegisteredJob {
  readonly name: string;
  readonly intervalMs: number;
  readonly work: () => Promise<unknown>;
  timer: NodeJS.Timeout | null;
  /** This instance's tick in progress: a slow run never overlaps the next tick here. */
  inFlight: Promise<boolean> | null;
  /** Occurrences this instance claimed and ran (read by tests and operators). */
  runs: number;
  rowEnsured: boolean;
}

/**
 * Timers that run once across every instance sharing the database, never once per instance (issue #9).
 *
 * Every instance ticks each job at its interval, but an occurrence runs only where a compare-and-set on
 * the job's row in `scheduled_job` succeeds: `UPDATE ... SET dueAt = next WHERE name = ? AND dueAt <= now`.
 * Exactly one instance moves `dueAt` past a given occurrence (the row lock makes the others re-check and
 * find it in the future), on SQLite and PostgreSQL alike, with no lock held while the job runs. The next
 * due time stays on the job's grid (`dueAt + interval`), so the instance that ran last keeps its rhythm
 * despite timer jitter; after a pause longer than the interval it restarts from now. An instance that dies mid-run loses that occurrence:
 * the jobs scheduled here are idempotent sweeps (a branch whose day is due, call-overs that waited too
 * long), so the next occurrence, on any instance, does the work.
 *
 * Time is the application Clock, so tests move it by hand.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  /** Names this instance in `scheduled_job.claimedBy`. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`.slice(0, 64);
  private readonly logger = new Logger('ScheduledJobs');
  private readonly jobs = new Map<string, RegisteredJob>();
  private started = false;

  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
  ) {}

  /** Registers a job run every `intervalMs` across all instances; timers start once the app has booted. */
  every(name: string, intervalMs: number, work: () => Promise<unknown>): void {
    if (this.jobs.has(name)) throw new Error(`Scheduled job "${name}" is registered twice.`);
    const job: RegisteredJob = { name, intervalMs, work, timer: null, inFlight: null, runs: 0, rowEnsured: false };
    this.jobs.set(name, job);
    if (this.started) this.startTimer(job);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const job of this.jobs.values()) this.startTimer(job);
  }

  /** Shutting down: no new ticks. */
  onModuleDestroy(): void {
    this.stopTimers();
  }

  /** Stops this instance's timers; `tick` still runs a job when called (as tests do, at chosen moments). */
  stopTimers(): void {
    this.started = false;
    for (const job of this.jobs.values()) {
      if (job.timer) clearInterval(job.timer);
      job.timer = null;
    }
  }

  /** A run in progress finishes before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.inFlight));
  }

  /** How many occurrences of `name` this instance has run. */
  runsHere(name: string): number {
    return this.registered(name).runs;
  }

  /**
   * One tick of a job on this instance: claims the occurrence if it is due and nobody claimed it, then
   * runs it. Resolves true when the occurrence ran here. A tick while this instance's previous one is
   * still in progress waits for it and does nothing more.
   */
  async tick(name: string): Promise<boolean> {
    const job = this.registered(name);
    if (job.inFlight) {
      await job.inFlight;
      return false;
    }
    job.inFlight = this.claimAndRun(job);
    try {
      return await job.inFlight;
    } finally {
      job.inFlight = null;
    }
  }

  private async claimAndRun(job: RegisteredJob): Promise<boolean> {
    let claimed: boolean;
    try {
      claimed = await this.claim(job);
    } catch (error) {
      // The database is unreachable: nobody can claim, and the next tick tries again.
      this.logger.warn(`Claiming job ${job.name} failed: ${String(error)}`);
      return false;
    }
    if (!claimed) return false;
    job.runs++;
    try {
      // Its log lines carry an id of their own, and its commands its name in the metrics.
      await runInContext({ requestId: `${job.name}-${job.runs}`, command: `job.${job.name}` }, job.work);
    } catch (error) {
      this.logger.error(`Scheduled job ${job.name} failed: ${String(error)}`);
    }
    return true;
  }

  private startTimer(job: RegisteredJob): void {
    job.timer = setInterval(() => void this.tick(job.name), job.intervalMs);
    job.timer.unref();
  }

  private registered(name: string): RegisteredJob {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No scheduled job is named "${name}".`);
    return job;
  }

  /**
   * The compare-and-set on the job's due time, in one statement (no read first, so SQLite never has to
   * upgrade a read lock): true when this instance won the occurrence.
   */
  private async claim(job: RegisteredJob): Promise<boolean> {
    const now = this.clock.now();
    const ensuringRow = !job.rowEnsured;
    const claimed = await this.commands.runShared(async (manager) => {
      if (ensuringRow) {
        // The first instance to tick creates the row, due at once; the others find it there.
        await manager
          .createQueryBuilder()
          .insert()
          .into(ScheduledJobEntity)
          .values({ name: job.name, dueAt: now, claimedBy: null, claimedAt: null, runs: 0 })
          .orIgnore()
          .execute();
      }
      const result = await manager
        .createQueryBuilder()
        .update(ScheduledJobEntity)
        .set({
          // The next occurrence stays on the job's grid unless the grid fell behind now.
          dueAt: () => 'CASE WHEN "dueAt" + :interval > :now THEN "dueAt" + :interval ELSE :now + :interval END',
          claimedBy: this.instanceId,
          claimedAt: now,
          runs: () => '"runs" + 1',
        })
        .where('name = :name AND "dueAt" <= :now', { name: job.name })
        .setParameters({ now: now.getTime(), interval: job.intervalMs })
        .execute();
      return result.affected === 1;
    });
    // Only once that insert has committed: a claim that fails (the database gone for a moment) rolls it
    // back, and the next tick must insert it again or the job would never be due here.
    if (ensuringRow) job.rowEnsured = true;
    return claimed;
  }
}

import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScheduledJobEntity } from '../../apps/server/src/cluster/scheduled-job.entity';
import { ScheduledJobs } from '../../apps/server/src/cluster/scheduled-jobs';
import { ROLLOVER_CHECK_MS } from '../../apps/server/src/commands/day-rollover.service';
import { Clock } from '../../apps/server/src/common/clock';
import { ESCALATION_CHECK_MS } from '../../apps/server/src/referrals/referrals.service';
import { type ManualClock, TestHall } from './support/test-app';

/** A job the test registers on both instances: its runs are what is counted, it touches nothing else. */
const PROBE = { name: 'e2e-probe', intervalMs: 10_000 };

/**
 * Two instances on one database (issue #9): every timer runs each occurrence on one instance, never once
 * per instance, and the other instance takes over when the first is gone. The test ticks the instances
 * by hand where their timers would tick on their own. Claims race for real (all ticks at once); the real
 * jobs' work is ticked one instance after the other, because two instances writing to one SQLite file is
 * no supported deployment (`npm run test:scale` runs them side by side on PostgreSQL).
 */
describe('scheduled work across instances', () => {
  let hall: TestHall;
  let second: INestApplication;
  let instances: { jobs: ScheduledJobs; clock: ManualClock }[];

  beforeAll(async () => {
    hall = await TestHall.start();
    hall.app.get(ScheduledJobs).stopTimers();
    second = await hall.anotherInstance();
    second.get(ScheduledJobs).stopTimers();
    instances = [hall.app, second].map((app) => ({
      jobs: app.get(ScheduledJobs),
      clock: app.get(Clock) as ManualClock,
    }));
    for (const { jobs } of instances) jobs.every(PROBE.name, PROBE.intervalMs, async () => undefined);
  });
  afterAll(async () => {
    if (instances.length > 1) await second.close();
    await hall.stop();
  });

  const runs = (name: string) => instances.reduce((sum, { jobs }) => sum + jobs.runsHere(name), 0);
  const advance = (seconds: number) => instances.forEach(({ clock }) => clock.advance(seconds));
  /** Both instances tick the job three times each, all at once, as timers on many servers would. */
  const tickAtOnce = (name: string) =>
    Promise.all(instances.flatMap(({ jobs }) => [jobs.tick(name), jobs.tick(name), jobs.tick(name)]));
  /** Each instance ticks the job in turn; resolves with the instances that ran it. */
  const tickInTurn = async (name: string) => {
    const ran: number[] = [];
    for (const [index, { jobs }] of instances.entries()) if (await jobs.tick(name)) ran.push(index);
    return ran;
  };

  it('runs each occurrence on one instance only, however many ticks race for it', async () => {
    await tickAtOnce(PROBE.name);
    expect(runs(PROBE.name)).toBe(1);

    // Not due again until a whole interval has passed, however often the instances tick.
    await tickAtOnce(PROBE.name);
    advance(PROBE.intervalMs / 1000 - 1);
    await tickAtOnce(PROBE.name);
    expect(runs(PROBE.name)).toBe(1);

    advance(1);
    await tickAtOnce(PROBE.name);
    expect(runs(PROBE.name)).toBe(2);

    // After a pause longer than the interval, one run catches up, not one per missed interval.
    advance((3 * PROBE.intervalMs) / 1000);
    await tickAtOnce(PROBE.name);
    await tickAtOnce(PROBE.name);
    expect(runs(PROBE.name)).toBe(3);
  });

  it.each([
    { name: 'callover-escalation', intervalMs: ESCALATION_CHECK_MS },
    { name: 'day-rollover', intervalMs: ROLLOVER_CHECK_MS },
  ])('runs $name on the first instance to tick, and not again on the other', async ({ name, intervalMs }) => {
    advance(intervalMs / 1000);
    expect(await tickInTurn(name)).toEqual([0]);
    advance(intervalMs / 1000);
    instances.reverse();
    expect(await tickInTurn(name)).toEqual([0]);
    instances.reverse();
  });

  it('closes the business day once, and names the instance that did it', async () => {
    const ticket = await hall.issue({ businessType: 'account-opening' });
    // 16 hours later it is past midnight in Shanghai: yesterday's waiting ticket expires.
    advance(16 * 3600);
    const before = runs('day-rollover');
    expect(await tickInTurn('day-rollover')).toHaveLength(1);
    expect(runs('day-rollover')).toBe(before + 1);

    const expired = (await hall.events()).filter(
      (event) => event.type === 'ticket.expired' && event.ticket?.id === ticket.id,
    );
    expect(expired).toHaveLength(1);
    const row = await hall.app.get(DataSource).manager.findOneByOrFail(ScheduledJobEntity, { name: 'day-rollover' });
    expect(row.claimedBy).toBe(instances[0].jobs.instanceId);
    // The row counts the runs of all instances together: the same total the instances count each.
    expect(row.runs).toBe(runs('day-rollover'));
  });

  it("creates a job's row again on the next tick when the first claim's transaction failed", async () => {
    const name = 'e2e-first-claim-fails';
    const { jobs } = instances[0];
    jobs.every(name, PROBE.intervalMs, async () => undefined);
    // The database refuses the claim's update (as a connection lost mid-transaction would fail it): the
    // row inserted in the same transaction is rolled back with it.
    const database = hall.app.get(DataSource);
    const postgres = database.options.type === 'postgres';
    try {
      if (postgres) {
        await database.query(`CREATE FUNCTION "e2e_refuse_claim"() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'claim refused by the test'; END $$`);
        await database.query(`CREATE TRIGGER "e2e_refuse_claim" BEFORE UPDATE ON "scheduled_job" FOR EACH ROW
          WHEN (NEW."name" = '${name}') EXECUTE FUNCTION "e2e_refuse_claim"()`);
      } else {
        await database.query(`CREATE TRIGGER "e2e_refuse_claim" BEFORE UPDATE ON "scheduled_job"
          WHEN NEW."name" = '${name}' BEGIN SELECT RAISE(ABORT, 'claim refused by the test'); END`);
      }
      expect(await jobs.tick(name)).toBe(false);
      expect(await database.manager.findOneBy(ScheduledJobEntity, { name })).toBeNull();
    } finally {
      await database.query(
        postgres
          ? 'DROP TRIGGER IF EXISTS "e2e_refuse_claim" ON "scheduled_job"'
          : 'DROP TRIGGER IF EXISTS "e2e_refuse_claim"',
      );
      if (postgres) await database.query('DROP FUNCTION IF EXISTS "e2e_refuse_claim"()');
    }

    expect(await jobs.tick(name)).toBe(true);
    expect(jobs.runsHere(name)).toBe(1);
    const row = await database.manager.findOneByOrFail(ScheduledJobEntity, { name });
    expect(row.claimedBy).toBe(jobs.instanceId);
  });

  it('runs the timers on the remaining instance when the other one stops', async () => {
    await second.close();
    const remaining = instances[0];
    instances = [remaining];
    for (const name of [PROBE.name, 'callover-escalation', 'day-rollover']) {
      advance(ROLLOVER_CHECK_MS / 1000);
      expect(await remaining.jobs.tick(name)).toBe(true);
    }
  });
});

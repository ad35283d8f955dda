import type { INestApplication } from '@nestjs/common';
import type { LoginResult } from '@lobbyflow/contracts';
import request from 'supertest';
import { createApp } from '../../../apps/server/src/bootstrap';
import { demoDeviceKey } from '../../../apps/server/src/auth/secrets';
import { ScheduledJobs } from '../../../apps/server/src/cluster/scheduled-jobs';
import { Clock } from '../../../apps/server/src/common/clock';
import { loadConfig } from '../../../apps/server/src/config/app-config';
import { TestDatabase } from './test-database';

/** A clock the test moves by hand: the server's rules read time only through Clock. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

export const TEST_SECRET = 'e2e-test-secret-0123456789abcdef-0123456789';

/** The test server's configuration; `env` adds variables (a short rate-limit window, CORS origins). */
function testConfig(database: TestDatabase, env: Record<string, string> = {}) {
  return loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, ...env, ...database.env });
}

/**
 * A real server on a real database, seeded with the demo branch: a SQLite file in a temporary folder, or
 * with `DB=postgres` a schema of its own in the test database (dropped by `stop`).
 */
export class TestHall {
  private tokens = new Map<string, LoginResult>();

  private constructor(
    public app: INestApplication,
    readonly clock: ManualClock,
    readonly database: TestDatabase,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts at 09:00 Shanghai time on a Monday unless told otherwise; `env` adds configuration variables. */
  static async start(startAt = '2026-11-23T01:00:00Z', env: Record<string, string> = {}): Promise<TestHall> {
    const database = await TestDatabase.create();
    const clock = new ManualClock(new Date(startAt));
    try {
      return new TestHall(await createApp(testConfig(database, env), { clock }), clock, database, env);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }

  /**
   * A second server on the same database, with its own clock (set to this one's time): another instance
   * of a scaled-out deployment. Stop it before this hall. (Nest's TypeORM module warns that a second
   * "default" data source is registered in the process; each application still injects its own.)
   */
  async anotherInstance(): Promise<INestApplication> {
    return createApp(testConfig(this.database, this.env), { clock: new ManualClock(this.clock.now()) });
  }

  private port = 0;

  /** Listens on a free loopback port (needed for sockets) and returns the base URL. */
  async listen(): Promise<string> {
    await this.app.listen(this.port, '127.0.0.1');
    this.port = (this.app.getHttpServer().address() as { port: number }).port;
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops the server (its screens see it gone) and starts it again on the same file and port. */
  async restart(downSeconds = 0): Promise<void> {
    await this.app.close();
    await new Promise((resolve) => setTimeout(resolve, downSeconds * 1000));
    this.app = await createApp(testConfig(this.database, this.env), { clock: this.clock });
    this.tokens.clear();
    if (this.port) await this.listen();
  }

  /**
   * Stops this server's scheduled-job timers (call-over escalation, day rollover): a test that moves the
   * clock and then runs a job itself would otherwise race the job's own 5 s tick, which may run it first.
   */
  runJobsByHand(): ScheduledJobs {
    const jobs = this.app.get(ScheduledJobs);
    jobs.stopTimers();
    return jobs;
  }

  /** The raw token of a demo user (no "Bearer "). */
  async token(username: string): Promise<string> {
    return (await this.login(username)).accessToken;
  }

  kioskKey(): string {
    return demoDeviceKey(TEST_SECRET, 'demo', '大厅取号机 Lobby kiosk');
  }

  displayKey(): string {
    return demoDeviceKey(TEST_SECRET, 'demo', '大厅叫号屏 Hall display');
  }

  /** The key of the rating pad standing on a demo counter (by code). */
  ratingPadKey(counter: string): string {
    return demoDeviceKey(TEST_SECRET, 'demo', `${counter}号窗口评价器 Counter ${counter} rating pad`);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  /** Logs a demo user in once and remembers the token. */
  async login(username: string): Promise<LoginResult> {
    const known = this.tokens.get(username);
    if (known) return known;
    const response = await this.http.post('/api/auth/login').send({ username, password: 'demo1234' }).expect(200);
    this.tokens.set(username, response.body as LoginResult);
    return response.body as LoginResult;
  }

  /** Drops a remembered token: the next request signs in afresh. */
  forget(username: string): void {
    this.tokens.delete(username);
  }

  async auth(username: string): Promise<string> {
    return `Bearer ${(await this.login(username)).accessToken}`;
  }

  kioskAuth(): string {
    return `Bearer ${this.kioskKey()}`;
  }

  displayAuth(): string {
    return `Bearer ${this.displayKey()}`;
  }

  /** Issues a ticket from the kiosk and returns the body. */
  async issue(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await this.http
      .post('/api/branches/demo/tickets')
      .set('Authorization', this.kioskAuth())
      .set(headers)
      .send(body);
    if (response.status !== 201) throw new Error(`issue failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as {
      id: string;
      number: string;
      queue: string;
      token: string;
      ahead: number;
      estimatedWaitMinutes: number;
    };
  }

  /** Calls next at a teller's own counter; returns the ticket or null on 204. */
  async callNext(username: string): Promise<{ id: string; number: string; queue: string } | null> {
    const user = await this.login(username);
    const response = await this.http
      .post(`/api/counters/${user.user.counterId}/call-next`)
      .set('Authorization', `Bearer ${user.accessToken}`);
    if (response.status === 204) return null;
    if (response.status !== 200)
      throw new Error(`call-next failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Runs a lifecycle action as a user and expects the given status. */
  async act(username: string, ticketId: string, action: string, body: object = {}, status = 200) {
    const response = await this.http
      .post(`/api/tickets/${ticketId}/${action}`)
      .set('Authorization', await this.auth(username))
      .send(body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    return response.body;
  }

  /** Serves a called ticket to the end: start and finish. */
  async serve(username: string, ticketId: string): Promise<void> {
    await this.act(username, ticketId, 'start');
    await this.act(username, ticketId, 'finish');
  }

  async events(after = 0) {
    const response = await this.http
      .get(`/api/branches/demo/events?after=${after}`)
      .set('Authorization', await this.auth('lobby'))
      .expect(200);
    return response.body.events as { seq: number; type: string; ticket?: { id: string; number: string } }[];
  }
}

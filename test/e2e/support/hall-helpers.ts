import type { AuditEntryView, CounterView, EventsPage, QueueSnapshot, StaffTicketView } from '@lobbyflow/contracts';
import type { Response } from 'supertest';
import type { TestHall } from './test-app';

/** A logged event as the lobby manager reads it (ticket events carry the staff view). */
export type LoggedEvent = EventsPage['events'][number] & { ticket?: StaffTicketView; fromQueue?: string };

/** Every event of the demo branch after `after`, following `hasMore` across pages. */
export async function allEvents(hall: TestHall, after = 0): Promise<{ events: LoggedEvent[]; lastSeq: number }> {
  const events: LoggedEvent[] = [];
  let cursor = after;
  for (;;) {
    const response = await hall.http
      .get(`/api/branches/demo/events?after=${cursor}`)
      .set('Authorization', await hall.auth('lobby'))
      .expect(200);
    const page = response.body as EventsPage;
    events.push(...(page.events as LoggedEvent[]));
    if (!page.hasMore || page.events.length === 0) return { events, lastSeq: page.lastSeq };
    cursor = page.events[page.events.length - 1].seq;
  }
}

/** The highest event seq of the demo branch. */
export async function lastSeq(hall: TestHall): Promise<number> {
  const response = await hall.http
    .get(`/api/branches/demo/events?after=${Number.MAX_SAFE_INTEGER}`)
    .set('Authorization', await hall.auth('lobby'))
    .expect(200);
  return (response.body as EventsPage).lastSeq;
}

/** The lobby manager's (staff) snapshot of the demo branch. */
export async function staffSnapshot(hall: TestHall): Promise<QueueSnapshot<StaffTicketView>> {
  const response = await hall.http
    .get('/api/branches/demo/queue')
    .set('Authorization', await hall.auth('lobby'))
    .expect(200);
  return response.body as QueueSnapshot<StaffTicketView>;
}

/** The counter with this code (e.g. '3', 'R1') as the staff snapshot shows it. */
export async function counterByCode(hall: TestHall, code: string): Promise<CounterView> {
  const counter = (await staffSnapshot(hall)).counters.find((candidate) => candidate.code === code);
  if (!counter) throw new Error(`no counter ${code}`);
  return counter;
}

/** POST as a demo user (or with a raw Authorization value when `auth` starts with "Bearer "). */
export async function post(hall: TestHall, auth: string, path: string, body?: object): Promise<Response> {
  const authorization = auth.startsWith('Bearer ') ? auth : await hall.auth(auth);
  const request = hall.http.post(path).set('Authorization', authorization);
  return body === undefined ? request : request.send(body);
}

/** Calls next at the user's own counter and returns the raw response (200, 204 or an error). */
export async function callNextRaw(hall: TestHall, username: string): Promise<Response> {
  const user = await hall.login(username);
  return hall.http
    .post(`/api/counters/${user.user.counterId}/call-next`)
    .set('Authorization', `Bearer ${user.accessToken}`);
}

const UPPER_SNAKE_CASE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * Asserts the error contract (design.md §3): the status, `{statusCode, code, message}` with the code in
 * UPPER_SNAKE_CASE and a message a person can read.
 */
export function expectError(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
  expect(response.body.code).toMatch(UPPER_SNAKE_CASE);
  expect(response.body.message.length).toBeGreaterThan(10);
}

/** The demo branch's audit log as an admin reads it, newest first. */
export async function auditLog(hall: TestHall): Promise<AuditEntryView[]> {
  const response = await hall.http
    .get('/api/branches/demo/audit')
    .set('Authorization', await hall.auth('admin'))
    .expect(200);
  return response.body as AuditEntryView[];
}

import { randomUUID } from 'node:crypto';
import type { BenchBranch, BenchHall } from './hall';
import { DEMO_PASSWORD, TELLER_COUNTERS } from './hall';
import type { RequestSpec, TellerSeat } from './load-plans';

/** The ticket every benchmark issues: a cash withdrawal above the machines' limit, so queue A at a counter. */
export const TICKET_REQUEST = { businessType: 'cash-withdrawal', amount: 30000, hasCard: true };

/** POST /api/branches/:branch/tickets as the branch's kiosk, a fresh Idempotency-Key each time. */
export function issueTicketRequest(branch: BenchBranch): RequestSpec {
  return {
    path: `/api/branches/${branch.code}/tickets`,
    headers: { authorization: `Bearer ${branch.kioskKey}` },
    body: TICKET_REQUEST,
    idempotencyKey: true,
  };
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** Issues `perBranch` tickets in each branch (setup, not measured), spread over the hall's servers. */
export async function issueTickets(hall: BenchHall, branches: BenchBranch[], perBranch: number): Promise<void> {
  const jobs = branches.flatMap((branch) => Array.from({ length: perBranch }, (_, i) => ({ branch, i })));
  await inParallel(jobs, 16, async ({ branch, i }) => {
    const baseUrl = hall.baseUrls[i % hall.baseUrls.length];
    await post(
      `${baseUrl}${issueTicketRequest(branch).path}`,
      { authorization: `Bearer ${branch.kioskKey}`, 'idempotency-key': randomUUID() },
      TICKET_REQUEST,
    );
  });
}

/**
 * Signs in `count` tellers at their counters, two per branch (counters 1 and 2, both calling queue A) so that
 * each branch has tellers competing for its next ticket. Seat i belongs to branch floor(i / 2): the first n
 * seats are n tellers on the first ceil(n / 2) branches. Seats go round-robin over the hall's servers, so
 * with two instances the two tellers of a branch are on different ones.
 */
export async function signInTellers(hall: BenchHall, count: number): Promise<TellerSeat[]> {
  const wanted = hall.branches
    .flatMap((branch) => branch.tellers.map((username, i) => ({ username, counter: TELLER_COUNTERS[i] })))
    .slice(0, count);
  if (wanted.length < count) throw new Error(`${count} tellers need more than ${hall.branches.length} branches`);
  const seats: TellerSeat[] = [];
  await inParallel(
    wanted.map((teller, index) => ({ ...teller, index })),
    8,
    async ({ username, counter, index }) => {
      const baseUrl = hall.baseUrls[index % hall.baseUrls.length];
      const login = (await post(`${baseUrl}/api/auth/login`, {}, { username, password: DEMO_PASSWORD, counter })) as {
        accessToken: string;
        user: { counterId: string };
      };
      seats[index] = { baseUrl, token: login.accessToken, counterId: login.user.counterId };
    },
  );
  return seats;
}

/** The branches the first `tellers` seats of signInTellers work in. */
export function branchesOfSeats(hall: BenchHall, tellers: number): BenchBranch[] {
  return hall.branches.slice(0, Math.ceil(tellers / TELLER_COUNTERS.length));
}

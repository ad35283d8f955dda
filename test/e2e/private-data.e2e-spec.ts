import { lastSeq } from './support/hall-helpers';
import { eventually, RecordingSocket } from './support/live-clients';
import { TestHall } from './support/test-app';

/**
 * Issue #8: card, ID and phone numbers under load. A morning of identified customers (known and unknown
 * cards, ID numbers, phone numbers, typed with spaces and dashes), imports, flags, call-overs with a
 * consented phone, walk-in referrals, profile views and refused input carrying numbers; then no clear
 * number may be found in (a) anything the server logged, at its most detailed level, (b) anything a
 * display or a phone page received on its socket, (c) the database (as customers.e2e-spec.ts checks).
 */
const TICKETS = 45;
const TELLERS = ['teller1', 'teller2', 'teller3', 'teller4'];
/** A walk-in's phone, kept (with consent) for the RM's call back. */
const walkInPhoneNumber = '13700001234';

/** Deterministic numbers of each kind: 19-digit cards, 18-character IDs, 11-digit mobiles. */
function cardNumber(index: number): string {
  return `62220288${String(index).padStart(11, '0')}`;
}
function idNumber(index: number): string {
  return `1101051980${String(index).padStart(7, '0')}X`;
}
function phoneNumber(index: number): string {
  return `139${String(index).padStart(8, '0')}`;
}

/** How a customer might type a number at the kiosk: grouped by spaces or dashes. */
function typed(number: string, index: number): string {
  const groups = number.match(/.{1,4}/g) ?? [number];
  return index % 3 === 0 ? number : groups.join(index % 3 === 1 ? ' ' : '-');
}

/** Records every line the server writes to stdout and stderr while a test runs (and keeps it off the console). */
function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }),
  );
  return { text: () => chunks.join(''), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe('private data under load', () => {
  let hall: TestHall;
  let baseUrl: string;
  const clearNumbers: string[] = [];

  beforeAll(async () => {
    hall = await TestHall.start(undefined, { LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
    baseUrl = await hall.listen();
  });
  afterAll(() => hall.stop());

  const as = async (username: string) => ({ Authorization: await hall.auth(username) });

  it('keeps every clear number out of the logs, the public sockets and the database', async () => {
    const output = captureOutput();
    const display = new RecordingSocket(baseUrl, { token: hall.displayKey() });
    const phones: RecordingSocket[] = [];
    try {
      await display.connected();

      // Known customers: the bank's file, with a bad row that the import refuses and reports.
      const known = Array.from({ length: 20 }, (_, index) => cardNumber(index));
      clearNumbers.push(...known);
      const csv = [
        'id_kind,id_number,display_name,tier,monthly_avg_assets,loan_balance,card_spend_12m,star_points,card_level,rm,segment',
      ]
        .concat(known.map((card, index) => `card,${card},客户${index},,${(index + 1) * 100_000},,,,,,`))
        .join('\n');
      const imported = await hall.http
        .post('/api/branches/demo/customers/import')
        .set(await as('admin'))
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(imported.status).toBe(201);
      const rejectedCard = '6222 0288 9999 9999 99';
      clearNumbers.push(rejectedCard);
      const rejected = await hall.http
        .post('/api/branches/demo/customers/import')
        .set(await as('admin'))
        .set('Content-Type', 'text/csv')
        .send(`id_kind,id_number,monthly_avg_assets\ncard,${rejectedCard},not-a-number`);
      expect(rejected.status).toBe(422);

      // The morning: known and unknown cards, ID numbers and phone numbers at the kiosk.
      const issued: { id: string; token: string }[] = [];
      for (let index = 0; index < TICKETS; index++) {
        const kind = (['card', 'id', 'phone'] as const)[index % 3];
        const number = kind === 'card' ? cardNumber(index) : kind === 'id' ? idNumber(index) : phoneNumber(index);
        clearNumbers.push(number);
        issued.push(
          await hall.issue(
            {
              businessType: index % 2 ? 'account-opening' : 'card-service',
              customer: { idKind: kind, idNumber: typed(number, index) },
            },
            { 'Idempotency-Key': `private-data-${index}` },
          ),
        );
        if (index < 3) {
          const phone = new RecordingSocket(baseUrl, { token: issued[index].token });
          await phone.connected();
          phones.push(phone);
        }
      }
      // Numbers the kiosk refuses: the refusal must not echo them into a log either.
      for (const bad of ['6222 0288 1234 5678 9012 345', '1390000000', '11010519800000001Y']) {
        clearNumbers.push(bad);
        const refused = await hall.http
          .post('/api/branches/demo/tickets')
          .set('Authorization', hall.kioskAuth())
          .send({
            businessType: 'card-service',
            customer: { idKind: bad.startsWith('6222') ? 'card' : bad.length > 11 ? 'id' : 'phone', idNumber: bad },
          });
        expect(refused.status).toBe(400);
      }

      // The counters: call, flag, call the RM over with a consented phone, view the profile, finish.
      const consentedPhones = TELLERS.map((_, index) => `138 0000 ${String(1000 + index)}`);
      clearNumbers.push(...consentedPhones);
      for (const [index, teller] of TELLERS.entries()) {
        for (let round = 0; round < 5; round++) {
          const ticket = await hall.callNext(teller);
          if (!ticket) break;
          await hall.act(teller, ticket.id, 'start');
          await hall.act(teller, ticket.id, 'flag', {
            signals: ['asset-query-high'],
            note: 'asked about wealth products',
          });
          const customer = (ticket as { customer?: { id?: string } | null }).customer;
          if (customer?.id) {
            const profile = await hall.http
              .get(`/api/customers/${customer.id}?reason=${encodeURIComponent(`柜面识别 ${ticket.number}`)}`)
              .set(await as(teller));
            expect(profile.status).toBe(200);
          }
          if (round === 0) {
            const callover = await hall.http
              .post(`/api/tickets/${ticket.id}/callover`)
              .set(await as(teller))
              .send({ customerHasTime: false, contact: { phone: consentedPhones[index], consent: true } });
            expect(callover.status).toBe(201);
          }
          await hall.act(teller, ticket.id, 'finish', { businessDone: [] });
        }
      }
      clearNumbers.push(walkInPhoneNumber);
      const walkIn = await hall.http
        .post('/api/referrals')
        .set(await as('lobby'))
        .send({
          signals: ['fx-or-nav-browsing'],
          description: 'reading the NAV board',
          customerHasTime: false,
          contact: { name: '周先生', phone: walkInPhoneNumber, consent: true },
        });
      expect(walkIn.status).toBe(201);

      const seq = await lastSeq(hall);
      await eventually('the display to receive every event', () =>
        display.received.some((message) => message.payload.seq === seq),
      );
    } finally {
      output.restore();
      display.close();
      phones.forEach((phone) => phone.close());
    }

    const logged = output.text();
    // The logs were really captured: one line per request at least, requests to issue tickets among them.
    expect(
      logged.split('\n').filter((line) => line.includes('/api/branches/demo/tickets')).length,
    ).toBeGreaterThanOrEqual(TICKETS);
    const publicMessages = [display, ...phones].map((socket) => JSON.stringify(socket.received)).join('\n');
    expect(display.received.length).toBeGreaterThan(TICKETS);
    expect(phones.every((phone) => phone.received.length > 0)).toBe(true);
    const stored = (await hall.database.storedBytes()).toString('latin1');

    const found = (haystack: string) =>
      clearNumbers.flatMap((number) => {
        const digits = number.replace(/[\s-]/g, '');
        return [number, digits].filter((form, index) => (index === 0 || form !== number) && haystack.includes(form));
      });
    expect({ logs: found(logged), publicSockets: found(publicMessages) }).toEqual({ logs: [], publicSockets: [] });
    // The database keeps consented contact phones (the RM calls them back); every other number only hashed.
    const consented = new Set(
      clearNumbers
        .filter((number) => number.startsWith('138 0000') || number === walkInPhoneNumber)
        .flatMap((number) => [number, number.replace(/\s/g, '')]),
    );
    expect(found(stored).filter((form) => !consented.has(form))).toEqual([]);
    // ...and the search does find a number where one is kept: the walk-in's consented phone.
    expect(found(stored)).toContain(walkInPhoneNumber);
    // A generous limit for a loaded two-core machine: a guard against hangs, never a timing assertion.
  }, 180_000);
});

import { TestHall } from './support/test-app';

/** A morning at the demo branch: every business type, with and without card, small and large amounts. */
describe('a morning of tickets and diversion', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  it('serves health and the OpenAPI document', async () => {
    await hall.http.get('/api/health').expect(200, /"db":"ok"/);
    const docs = await hall.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/branches/{branchId}/tickets', '/api/counters/{counterId}/call-next']),
    );
  });

  it('lists the business types the kiosk offers', async () => {
    const response = await hall.http
      .get('/api/branches/demo/services')
      .set('Authorization', hall.kioskAuth())
      .expect(200);
    const codes = response.body.map((service: { code: string }) => service.code);
    expect(codes).toEqual([
      'cash-deposit',
      'cash-withdrawal',
      'bill-payment',
      'transfer',
      'account-opening',
      'card-service',
      'wealth-enquiry',
      'fx',
      'corporate',
    ]);
    const deposit = response.body.find((service: { code: string }) => service.code === 'cash-deposit');
    expect(deposit).toMatchObject({ asksAmount: true, asksCard: true, category: 'cash' });
  });

  it.each([
    [{ businessType: 'cash-deposit', amount: 5000, hasCard: true }, 'self-service', null, []],
    [{ businessType: 'cash-deposit', amount: 20000, hasCard: true }, 'self-service', null, []],
    [{ businessType: 'cash-deposit', amount: 20000.01, hasCard: true }, 'cash-counter', 'A', []],
    [{ businessType: 'cash-withdrawal', amount: 3000, hasCard: false }, 'cash-counter', 'A', []],
    [{ businessType: 'cash-deposit', amount: 50000, hasCard: true }, 'cash-counter', 'A', ['large-cash']],
    [{ businessType: 'bill-payment' }, 'self-service', null, []],
    [{ businessType: 'transfer', amount: 10000, hasCard: true }, 'self-service', null, []],
    [{ businessType: 'transfer', amount: 300000, hasCard: true }, 'open-counter', 'B', ['large-transfer']],
    [{ businessType: 'account-opening' }, 'open-counter', 'B', []],
    [{ businessType: 'card-service' }, 'open-counter', 'B', []],
    [{ businessType: 'wealth-enquiry' }, 'relationship-manager', 'W', ['wealth-enquiry']],
    [{ businessType: 'fx' }, 'relationship-manager', 'W', ['wealth-enquiry']],
    [{ businessType: 'corporate' }, 'corporate-counter', 'C', ['corporate-enquiry']],
  ])('triage %j -> %s', async (body, destination, queue, signals) => {
    const response = await hall.http
      .post('/api/branches/demo/triage')
      .set('Authorization', hall.kioskAuth())
      .send(body)
      .expect(200);
    expect(response.body).toMatchObject({ destination, queue, signals, selfService: destination === 'self-service' });
    expect(response.body.advice.zh.length).toBeGreaterThan(5);
    expect(response.body.advice.en.length).toBeGreaterThan(5);
  });

  it('issues tickets for every business type with numbers per queue', async () => {
    const issued = [];
    for (const body of [
      { businessType: 'cash-withdrawal', amount: 60000, hasCard: true },
      { businessType: 'cash-deposit', amount: 3000, hasCard: false },
      { businessType: 'account-opening' },
      { businessType: 'card-service' },
      { businessType: 'wealth-enquiry' },
      { businessType: 'fx' },
      { businessType: 'corporate' },
      { businessType: 'transfer', amount: 300000, hasCard: true },
    ]) {
      issued.push(await hall.issue(body));
    }
    expect(issued.map((ticket) => ticket.number)).toEqual([
      'A001',
      'A002',
      'B001',
      'B002',
      'W001',
      'W002',
      'C001',
      'B003',
    ]);
    expect(issued[1]).toMatchObject({ queue: 'A', destination: 'cash-counter', ahead: 1 });
    expect(issued[0].token).toMatch(/^lft_/);
  });

  it('gives a declining customer a counter ticket and records the declined advice', async () => {
    const ticket = await hall.issue({
      businessType: 'cash-deposit',
      amount: 2000,
      hasCard: true,
      declinedAdvice: true,
    });
    expect(ticket).toMatchObject({ queue: 'A', destination: 'cash-counter' });
    // The ticket says where to go now, not the machine advice the customer just declined.
    expect(ticket).toMatchObject({ advice: { en: 'Please go to a cash counter for your deposit.' } });
    const events = await hall.events();
    const issuedEvent = events.find((event) => event.type === 'ticket.issued' && event.ticket?.id === ticket.id);
    expect(issuedEvent).toMatchObject({ ticket: { adviceOutcome: 'declined' } });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'diversion.recorded', outcome: 'declined', ticketId: ticket.id }),
    );
  });

  it('records a customer who takes the self-service advice, without a ticket', async () => {
    const response = await hall.http
      .post('/api/branches/demo/diversions')
      .set('Authorization', hall.kioskAuth())
      .send({ businessType: 'bill-payment' })
      .expect(201);
    expect(response.body).toMatchObject({ selfService: true, counterQueue: 'B' });
    const events = await hall.events();
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'diversion.recorded', outcome: 'accepted', ticketId: null }),
    );
    await hall.http
      .post('/api/branches/demo/diversions')
      .set('Authorization', hall.kioskAuth())
      .send({ businessType: 'account-opening' })
      .expect(422, /NO_ROUTE/);

    // A kiosk that retries the same customer's choice is counted once.
    const accepted = async () =>
      (await hall.events()).filter((event) => event.type === 'diversion.recorded' && 'outcome' in event).length;
    const before = await accepted();
    for (let attempt = 0; attempt < 3; attempt++) {
      await hall.http
        .post('/api/branches/demo/diversions')
        .set('Authorization', hall.kioskAuth())
        .set('Idempotency-Key', 'kiosk-customer-0042')
        .send({ businessType: 'bill-payment' })
        .expect(201);
    }
    expect(await accepted()).toBe(before + 1);
  });

  it('shows the phone page its own ticket by token', async () => {
    const first = await hall.issue({ businessType: 'card-service' });
    const second = await hall.issue({ businessType: 'card-service' });
    // The phone page needs nothing but the link: the unguessable token is the key.
    const response = await hall.http.get(`/api/tickets/by-token/${second.token}`).expect(200);
    expect(response.body).toMatchObject({ number: second.number, status: 'waiting', queue: 'B' });
    expect(response.body.ahead).toBeGreaterThanOrEqual(1);
    expect(response.body).not.toHaveProperty('amount');
    expect(first.id).not.toEqual(second.id);
  });

  it('keeps customer details off the public snapshot and puts them on the staff one', async () => {
    const publicView = await hall.http
      .get('/api/branches/demo/queue')
      .set('Authorization', hall.displayAuth())
      .expect(200);
    const staffView = await hall.http
      .get('/api/branches/demo/queue')
      .set('Authorization', await hall.auth('lobby'))
      .expect(200);
    expect(publicView.body.seq).toBe(staffView.body.seq);
    expect(publicView.body.waiting.length).toBeGreaterThan(5);
    for (const ticket of publicView.body.waiting) {
      expect(Object.keys(ticket).sort()).toEqual([
        'calledAt',
        'counter',
        'counterName',
        'id',
        'number',
        'queue',
        'queuedAt',
        'status',
      ]);
    }
    expect(staffView.body.waiting[0]).toHaveProperty('amount');
    const queueA = publicView.body.queues.find((queue: { code: string }) => queue.code === 'A');
    expect(queueA.waiting).toBe(3);
    expect(queueA.estimatedWaitMinutes).toBeGreaterThan(0);
  });
});

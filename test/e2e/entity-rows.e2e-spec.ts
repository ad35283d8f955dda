import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BranchEntity } from '../../apps/server/src/branches/branch.entity';
import { EntityRows } from '../../apps/server/src/database/entity-rows';
import { DeviceEntity } from '../../apps/server/src/devices/device.entity';
import { BranchEventEntity } from '../../apps/server/src/events/branch-event.entity';
import { TicketEntity } from '../../apps/server/src/tickets/ticket.entity';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: true };

/**
 * EntityRows (apps/server/src/database/entity-rows.ts) reads and writes the hot rows in plain SQL built from
 * TypeORM's metadata. A row must come back exactly as through the EntityManager, whichever wrote it: dates,
 * JSON, decimals, booleans and nulls, on SQLite and on PostgreSQL.
 */
describe('plain-SQL entity rows', () => {
  let hall: TestHall;
  let dataSource: DataSource;

  beforeAll(async () => {
    hall = await TestHall.start();
    dataSource = hall.app.get(DataSource);
  });
  afterAll(() => hall.stop());

  it('reads a ticket exactly as TypeORM reads it, and TypeORM reads back what it inserts', async () => {
    const issued = await hall.issue({ ...CASH, amount: 1234.5 });
    const manager = dataSource.manager;
    const rows = EntityRows.of(manager, TicketEntity);
    const viaTypeorm = await manager.findOneByOrFail(TicketEntity, { id: issued.id });
    expect(await rows.findOne({ id: issued.id })).toEqual(viaTypeorm);
    expect(viaTypeorm.amount).toBe(1234.5);
    expect(viaTypeorm.hasCard).toBe(true);
    expect(viaTypeorm.issuedAt).toBeInstanceOf(Date);

    const copy = Object.assign(new TicketEntity(), viaTypeorm, {
      id: randomUUID(),
      sequence: 999,
      number: 'A999',
      token: `lft_${randomUUID()}`,
      idempotencyKey: null,
      requestHash: null,
      hasCard: false,
      calledAt: new Date('2026-11-24T01:02:03.456Z'),
      customer: { id: 'c1', masked: '6222 **** 0001', displayName: '王*', tier: 'gold' },
    });
    await rows.insert([copy]);
    const readBack = await manager.findOneByOrFail(TicketEntity, { id: copy.id });
    expect({ ...readBack, rev: 0 }).toEqual({ ...copy, rev: 0 });
    // The revision is the database's own (migration HallRevisions), never the inserted row's.
    expect(readBack.rev).toBeGreaterThan(viaTypeorm.rev);
  });

  it('updates only the columns asked for, and finds by null', async () => {
    const manager = dataSource.manager;
    const branch = await EntityRows.of(manager, BranchEntity).findOne({ code: 'demo' });
    expect(branch).toEqual(await manager.findOneByOrFail(BranchEntity, { code: 'demo' }));
    expect(branch).toBeInstanceOf(BranchEntity);

    const devices = await manager.find(DeviceEntity, { where: { branchId: branch!.id } });
    const device = devices[0];
    const rows = EntityRows.of(manager, DeviceEntity);
    expect(await rows.findOne({ keyHash: device.keyHash, revokedAt: null })).toEqual(device);
    const revokedAt = new Date('2026-11-24T08:00:00.000Z');
    await rows.update({ id: device.id }, { revokedAt });
    expect(await rows.findOne({ keyHash: device.keyHash, revokedAt: null })).toBeNull();
    const revoked = await manager.findOneByOrFail(DeviceEntity, { id: device.id });
    expect(revoked).toEqual({ ...device, revokedAt });
    await rows.update({ id: device.id }, { revokedAt: null });
    expect(await manager.findOneByOrFail(DeviceEntity, { id: device.id })).toEqual(device);
  });

  it('inserts several events in one statement, numbered by the database', async () => {
    const manager = dataSource.manager;
    const branch = await manager.findOneByOrFail(BranchEntity, { code: 'demo' });
    const at = new Date('2026-11-24T09:30:00.000Z');
    const events = [1, 2].map((offset) =>
      manager.create(BranchEventEntity, {
        branchId: branch.id,
        seq: 100000 + offset,
        type: 'test.event',
        at,
        data: { offset, text: '中文 "quoted"' },
      }),
    );
    await EntityRows.of(manager, BranchEventEntity).insert(events);
    const stored = await manager.find(BranchEventEntity, {
      where: { branchId: branch.id, type: 'test.event' },
      order: { seq: 'ASC' },
    });
    expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(events.map(({ ...rest }) => rest));
    expect(stored.every((event) => typeof event.id === 'number')).toBe(true);
  });

  it('refuses a statement without a filter or on an unknown column', async () => {
    const manager = dataSource.manager;
    const rows = EntityRows.of(manager, BranchEntity);
    await expect(rows.findOne({})).rejects.toThrow(/without a filter/);
    await expect(rows.findOne({ nope: 'x' } as never)).rejects.toThrow(/no column "nope"/);
  });
});

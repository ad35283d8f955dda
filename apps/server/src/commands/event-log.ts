import type { BranchEvent } from '@lobbyflow/contracts';
import { Between, type EntityManager } from 'typeorm';
import { BranchEntity } from '../branches/branch.entity';
import { BranchEventEntity } from '../events/branch-event.entity';

/** A log row as it goes out to clients: the envelope (`branchId` is the branch code) and the event's data. */
export function toBranchEvent(branchCode: string, row: BranchEventEntity): BranchEvent {
  return {
    branchId: branchCode,
    seq: row.seq,
    at: row.at.toISOString(),
    type: row.type,
    ...row.data,
  } as BranchEvent;
}

/** A branch's committed events with `after < seq <= upTo`, in `seq` order. */
export async function eventsBetween(
  manager: EntityManager,
  branchCode: string,
  after: number,
  upTo: number,
): Promise<BranchEvent[]> {
  const branch = await manager.findOne(BranchEntity, { where: { code: branchCode }, select: { id: true } });
  if (!branch || upTo <= after) return [];
  const rows = await manager.find(BranchEventEntity, {
    where: { branchId: branch.id, seq: Between(after + 1, upTo) },
    order: { seq: 'ASC' },
  });
  return rows.map((row) => toBranchEvent(branchCode, row));
}

/** Every branch's last `seq`, by branch code. */
export async function lastSeqs(manager: EntityManager): Promise<Map<string, number>> {
  const branches = await manager.find(BranchEntity, { select: { code: true, lastSeq: true } });
  return new Map(branches.map((branch) => [branch.code, branch.lastSeq]));
}

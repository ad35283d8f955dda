import type { BranchTransaction } from '../commands/branch-commands';
import { AuditEntryEntity } from './audit-entry.entity';

/** What an audit entry says; its id, number and time come from `appendAudit`. */
export interface AuditRecord {
  actorUserId: string | null;
  /** The actor's role; `cli` for the command-line import. */
  actorRole: string;
  action: string;
  subjectId: string | null;
  reason: string;
}

/**
 * Appends an entry to the branch's audit log in the command's transaction (it exists if and only if the
 * command commits), at the command's time and numbered after the branch's last entry. A branch's
 * commands write one at a time (one writer per branch), so the next number is never taken twice; the
 * unique index on (branch, seq) would refuse it if it were.
 */
export async function appendAudit(tx: BranchTransaction, record: AuditRecord): Promise<void> {
  const last = await tx.manager
    .createQueryBuilder(AuditEntryEntity, 'entry')
    .select('MAX(entry.seq)', 'seq')
    .where('entry.branchId = :branchId', { branchId: tx.branch.id })
    .getRawOne<{ seq: number | string | null }>();
  await tx.manager.insert(AuditEntryEntity, {
    id: crypto.randomUUID(),
    branchId: tx.branch.id,
    seq: Number(last?.seq ?? 0) + 1,
    ...record,
    at: tx.now,
  });
}

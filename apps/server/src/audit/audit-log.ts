import type { AuditEntryView } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import type { EntityManager } from 'typeorm';
import type { BranchTransaction } from '../commands/branch-commands';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { AuditEntryEntity } from './audit-entry.entity';

/** Audit log pages: entries per page by default, and at most. */
export const AUDIT_PAGE_DEFAULT = 200;
export const AUDIT_PAGE_MAX = 500;

/** A page of the log: `limit` entries written before the entry `before` (its id). */
export interface AuditPage {
  before?: string;
  limit?: number;
}

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

/**
 * A page of the branch's audit log, newest first: `limit` entries (200 by default) written before the
 * entry `before`, in the order they were written (`seq`), so that pages neither skip nor repeat one.
 */
export async function auditPage(
  manager: EntityManager,
  branchCode: string,
  page: AuditPage,
): Promise<AuditEntryView[]> {
  const query = manager
    .createQueryBuilder(AuditEntryEntity, 'entry')
    .innerJoin('branch', 'branch', 'branch.id = entry.branchId')
    .leftJoinAndSelect(StaffUserEntity, 'actor', 'actor.id = entry.actorUserId')
    .where('branch.code = :code', { code: branchCode });
  if (page.before) {
    const from = await manager
      .createQueryBuilder(AuditEntryEntity, 'entry')
      .innerJoin('branch', 'branch', 'branch.id = entry.branchId')
      .where('branch.code = :code AND entry.id = :id', { code: branchCode, id: page.before })
      .getOne();
    if (!from) throw new DomainError('NOT_FOUND', 'There is no such audit entry in this branch to page from.');
    query.andWhere('entry.seq < :seq', { seq: from.seq });
  }
  const rows = await query
    .orderBy('entry.seq', 'DESC')
    .limit(page.limit ?? AUDIT_PAGE_DEFAULT)
    .getRawMany<Record<string, string | null>>();
  return rows.map((row) => ({
    id: row.entry_id as string,
    at: new Date(Number(row.entry_at)).toISOString(),
    actor: row.actor_username ?? null,
    actorRole: row.entry_actorRole as string,
    action: row.entry_action as string,
    subjectId: row.entry_subjectId ?? null,
    reason: row.entry_reason as string,
  }));
}

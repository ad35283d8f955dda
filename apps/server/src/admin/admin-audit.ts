import { AuditEntryEntity } from '../audit/audit-entry.entity';
import type { StaffPrincipal } from '../auth/principal';
import type { BranchTransaction } from '../commands/branch-commands';
import { auditText, describeChanges } from './change-summary';

/** Audit actions of the admin API (`GET /api/branches/:branchId/audit` lists them with who and when). */
export type AdminAction =
  | 'settings.update'
  | 'business-type.create'
  | 'business-type.update'
  | 'business-type.retire'
  | 'business-type.reactivate'
  | 'queue.create'
  | 'queue.update'
  | 'queue.delete'
  | 'counter.create'
  | 'counter.update'
  | 'counter.close'
  | 'counter.open'
  | 'staff.create'
  | 'staff.update'
  | 'staff.deactivate'
  | 'staff.reactivate'
  | 'staff.password-reset';

/** One admin change: what was done to which row, and a line saying what changed. */
export interface AdminChange {
  action: AdminAction;
  /** The row changed (the branch itself for settings). */
  subjectId: string;
  /** How a person names the subject: `queue A`, `counter 3`, `staff teller7`. */
  subject: string;
  /** The subject as it was (null for a creation) and as it is; compared field by field. */
  before?: object | null;
  after?: object;
}

/**
 * Writes an admin change to the append-only audit log, in the command's transaction: the entry exists if
 * and only if the change was committed.
 */
export async function recordAdminChange(
  tx: BranchTransaction,
  actor: StaffPrincipal,
  change: AdminChange,
): Promise<void> {
  const changes = change.after ? describeChanges(change.before ?? null, change.after) : [];
  await tx.manager.insert(AuditEntryEntity, {
    id: crypto.randomUUID(),
    branchId: tx.branch.id,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: change.action,
    subjectId: change.subjectId,
    reason: auditText(change.subject, changes),
    at: tx.now,
  });
}

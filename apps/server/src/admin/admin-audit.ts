import type { ConfigArea } from '@lobbyflow/contracts';
import { appendAudit } from '../audit/audit-log';
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
  | 'staff.password-reset'
  | 'device.register'
  | 'device.revoke'
  | 'rules.identification'
  | 'rules.ladder';

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

/** What an admin action is done to: `queue` for `queue.update`. */
type AdminActionSubject = AdminAction extends `${infer Subject}.${string}` ? Subject : never;

/** The part of the configuration each kind of admin change touches (`queue.update` → queues). */
const AREA_OF: Record<AdminActionSubject, ConfigArea> = {
  settings: 'settings',
  'business-type': 'business-types',
  queue: 'queues',
  counter: 'counters',
  staff: 'staff',
  device: 'devices',
  rules: 'rules',
};

/**
 * Writes an admin change to the append-only audit log, in the command's transaction (the entry exists if
 * and only if the change was committed), and tells the open screens what kind of thing changed
 * (`branch.configured`, after the commit like every event).
 */
export async function recordAdminChange(
  tx: BranchTransaction,
  actor: StaffPrincipal,
  change: AdminChange,
): Promise<void> {
  tx.emit('branch.configured', { changed: [AREA_OF[change.action.split('.')[0] as AdminActionSubject]] });
  const changes = change.after ? describeChanges(change.before ?? null, change.after) : [];
  await appendAudit(tx, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: change.action,
    subjectId: change.subjectId,
    reason: auditText(change.subject, changes),
  });
}

/** A change to a row the admin API shows as a view: created (`before` null) or updated. */
export interface AdminViewChange<V extends { id: string }> {
  action: AdminAction;
  subject: string;
  before: V | null;
  after: V;
}

/**
 * Records the creation or update of a row through its admin view. The views are compared without their
 * id (the subject names the row) and without `derived` fields, which follow from other settings (a
 * business type's amount bands follow from the branch thresholds) and are not a change of their own.
 */
export async function recordViewChange<V extends { id: string }>(
  tx: BranchTransaction,
  actor: StaffPrincipal,
  change: AdminViewChange<V>,
  derived: ReadonlyArray<keyof V> = [],
): Promise<void> {
  const compared = (view: V): object =>
    Object.fromEntries(Object.entries(view).filter(([key]) => key !== 'id' && !derived.includes(key as keyof V)));
  await recordAdminChange(tx, actor, {
    action: change.action,
    subjectId: change.after.id,
    subject: change.subject,
    before: change.before && compared(change.before),
    after: compared(change.after),
  });
}

import { DomainError } from '@lobbyflow/domain';
import type { EntityManager } from 'typeorm';
import type { BranchTransaction } from '../commands/branch-commands';
import { currentContext } from '../observability/request-context';
import { IdempotentRequestEntity } from './idempotent-request.entity';

/** Letters, digits and `_ . : -`, 8 to 128 of them: a UUID, or a prefix and random hex. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The HTTP request being handled under an `Idempotency-Key` (put in its context by IdempotencyGuard). */
export interface IdempotentRequest {
  key: string;
  /** SHA-256 of the caller, method, path and body. */
  fingerprint: string;
  /**
   * Whether a branch command of this request has checked the key and committed (only the first one checks).
   * Set at its commit: a command run again after its transaction was rolled back checks again.
   */
  checked: boolean;
  /** Called when the answer is the stored one of an earlier request with this key (marks the response). */
  replayed: () => void;
}

/** The request whose key a command checked, by the command's manager, until its transaction commits. */
const checkedIn = new WeakMap<EntityManager, IdempotentRequest>();

/** After a commit (BranchCommands): the key its command checked counts as checked for the rest of the request. */
export function keyCheckCommitted(manager: EntityManager): void {
  const request = checkedIn.get(manager);
  if (!request) return;
  request.checked = true;
  checkedIn.delete(manager);
}

/**
 * Runs a branch command once per `Idempotency-Key` (called by BranchCommands inside the command's
 * transaction, under the branch lock). Without a key it simply runs. With one:
 * - first use: runs the command and stores its result in the same transaction, so the record exists
 *   exactly when the command's effects do;
 * - a retry (same caller, route and body): returns the stored result without running anything, so the
 *   route answers as it did the first time. A retry sent while the first request is still running waits
 *   for the branch lock and then finds the record;
 * - the same key with another request: `422 IDEMPOTENCY_KEY_REUSED`.
 */
export async function runOnce<T>(tx: BranchTransaction, work: (tx: BranchTransaction) => Promise<T>): Promise<T> {
  const request = currentContext()?.idempotent;
  if (!request || request.checked) return work(tx);
  checkedIn.set(tx.manager, request);
  const { manager, branch, now } = tx;
  const earlier = await manager.findOne(IdempotentRequestEntity, {
    where: { branchId: branch.id, idempotencyKey: request.key },
  });
  if (earlier) {
    if (earlier.fingerprint !== request.fingerprint) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for another request; make a new key for each action.',
      );
    }
    request.replayed();
    return JSON.parse(earlier.result) as T;
  }
  const result = await work(tx);
  await manager.insert(IdempotentRequestEntity, {
    id: crypto.randomUUID(),
    branchId: branch.id,
    idempotencyKey: request.key,
    fingerprint: request.fingerprint,
    result: JSON.stringify(result ?? null),
    businessDay: branch.businessDay,
    createdAt: now,
  });
  return result;
}

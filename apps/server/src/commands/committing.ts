import type { EntityManager } from 'typeorm';

/**
 * Runs `work` in the transaction `begin` starts and, once that has committed, tells `afterCommit` of the
 * manager it ran on (the hall cache then holds what the transaction read: hall/hall-cache.ts). Nothing is
 * told of a rolled-back transaction.
 */
export async function committing<T>(
  begin: (watched: (manager: EntityManager) => Promise<T>) => Promise<T>,
  work: (manager: EntityManager) => Promise<T>,
  afterCommit: (manager: EntityManager) => void,
): Promise<T> {
  let used: EntityManager | undefined;
  const result = await begin((manager) => {
    used = manager;
    return work(manager);
  });
  if (used) afterCommit(used);
  return result;
}

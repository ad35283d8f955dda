import { DomainError } from '@lobbyflow/domain';
import type { EntityManager } from 'typeorm';
import { BranchEntity } from './branch.entity';

/** The branch a route names by its code, or BRANCH_NOT_FOUND (404) saying which code was not found. */
export async function branchByCode(manager: EntityManager, code: string): Promise<BranchEntity> {
  const branch = await manager.findOne(BranchEntity, { where: { code } });
  if (!branch) throw new DomainError('BRANCH_NOT_FOUND', `There is no branch with code "${code}".`);
  return branch;
}

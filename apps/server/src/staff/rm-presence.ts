import type { RmPresence, RmPresenceView } from '@lobbyflow/contracts';
import { type EntityManager, In, LessThan, Not } from 'typeorm';
import type { BranchTransaction } from '../commands/branch-commands';
import { StaffUserEntity } from './staff-user.entity';

/**
 * Where an RM is (domain.md §4: only an RM who is free is called over). An RM is away until they sign in,
 * after they sign out, and once the session that set their presence has expired.
 */
export function presenceOf(rm: StaffUserEntity, now: Date): RmPresence {
  if (!rm.presence || !rm.presenceUntil || rm.presenceUntil.getTime() <= now.getTime()) return 'away';
  return rm.presence;
}

export function rmPresenceView(rm: StaffUserEntity, now: Date): RmPresenceView {
  const presence = presenceOf(rm, now);
  // A presence that lapsed with its session has been `away` since the session ended.
  const since = presence === rm.presence ? rm.presenceSince : rm.presenceUntil;
  return {
    id: rm.id,
    displayName: rm.displayName,
    specialties: rm.specialties,
    presence,
    since: since?.toISOString() ?? null,
  };
}

/** The branch's RMs and where they are, by name. */
export async function rmPresenceViews(manager: EntityManager, branchId: string, now: Date): Promise<RmPresenceView[]> {
  const rms = await manager.find(StaffUserEntity, {
    where: { branchId, role: 'rm', active: true },
    order: { displayName: 'ASC' },
  });
  return rms.map((rm) => rmPresenceView(rm, now));
}

/**
 * Sets an RM's presence, kept until `until` (the end of their session; unchanged when omitted), and tells
 * the hall (`rm.presence`) when it changed. Other roles have no presence: nothing happens for them.
 */
export async function setRmPresence(
  tx: BranchTransaction,
  userId: string,
  presence: RmPresence,
  until?: Date | null,
): Promise<RmPresenceView | null> {
  const rm = await tx.manager.findOne(StaffUserEntity, { where: { id: userId, branchId: tx.branch.id, role: 'rm' } });
  if (!rm) return null;
  const before = presenceOf(rm, tx.now);
  rm.presence = presence;
  if (until !== undefined) rm.presenceUntil = until;
  const after = presenceOf(rm, tx.now);
  if (after !== before) rm.presenceSince = tx.now;
  await tx.manager.save(StaffUserEntity, rm);
  const view = rmPresenceView(rm, tx.now);
  if (after !== before) tx.emit('rm.presence', { rm: view });
  return view;
}

/** RMs whose session ended without a sign-out are away now: the hall is told once. */
export async function expireRmPresence(tx: BranchTransaction): Promise<number> {
  const lapsed = await tx.manager.find(StaffUserEntity, {
    where: { branchId: tx.branch.id, role: 'rm', presence: Not(In(['away'])), presenceUntil: LessThan(tx.now) },
  });
  for (const rm of lapsed) {
    Object.assign(rm, { presence: 'away', presenceSince: rm.presenceUntil });
    await tx.manager.save(StaffUserEntity, rm);
    tx.emit('rm.presence', { rm: rmPresenceView(rm, tx.now) });
  }
  return lapsed.length;
}

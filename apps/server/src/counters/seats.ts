import { In, type EntityManager } from 'typeorm';
import type { BranchConfig } from '../branches/branch-config';
import { StaffUserEntity } from '../staff/staff-user.entity';
import type { CounterEntity } from './counter.entity';

/** True when a sign-in session holds the counter now. */
export function isSeatHeld(counter: CounterEntity, now: Date): boolean {
  return counter.seatSessionId !== null && counter.seatExpiresAt !== null && counter.seatExpiresAt > now;
}

/** Who sits at each counter now, by counter id. */
export async function seatHolders(manager: EntityManager, config: BranchConfig, now: Date) {
  const held = config.counters.filter((counter) => isSeatHeld(counter, now));
  const users = held.length
    ? await manager.find(StaffUserEntity, { where: { id: In(held.map((counter) => counter.seatUserId)) } })
    : [];
  return new Map(
    held.flatMap((counter) => {
      const user = users.find((candidate) => candidate.id === counter.seatUserId);
      return user ? [[counter.id, user] as const] : [];
    }),
  );
}

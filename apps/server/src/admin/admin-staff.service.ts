import { Injectable } from '@nestjs/common';
import {
  rooms,
  type AdminStaffView,
  type CreateStaffRequest,
  type RuleProblem,
  type SessionEndedEvent,
  type UpdateStaffRequest,
} from '@lobbyflow/contracts';
import {
  assertStaffChangeAllowed,
  COUNTER_ROLES,
  DomainError,
  type StaffMemberConfig,
  validatePassword,
  validateStaffMember,
} from '@lobbyflow/domain';
import { hashPassword } from '../auth/password-hasher';
import type { StaffPrincipal } from '../auth/principal';
import { branchByCode } from '../branches/branch-by-code';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { CounterEntity } from '../counters/counter.entity';
import { emitCounterUpdated } from '../counters/counter-events';
import { setRmPresence } from '../staff/rm-presence';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { recordAdminChange, recordViewChange } from './admin-audit';
import { adminStaffView } from './admin-views';
import { refuseIfAny } from './refusals';

/**
 * Staff accounts. Passwords are hashed with the sign-in's slow hash and never returned. A deactivated
 * account, or one whose role changed, can no longer use its tokens (AuthService checks both on every
 * request); its counter seat is freed and its open sockets are closed at once.
 */
@Injectable()
export class AdminStaffService {
  constructor(private readonly commands: BranchCommands) {}

  async list(branchCode: string): Promise<AdminStaffView[]> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      // One query after another: on PostgreSQL a transaction's connection runs one query at a time.
      const users = await manager.find(StaffUserEntity, { where: { branchId: branch.id }, order: { username: 'ASC' } });
      const counters = await manager.find(CounterEntity, { where: { branchId: branch.id } });
      return users.map((user) => adminStaffView(user, counters));
    });
  }

  async create(branchCode: string, actor: StaffPrincipal, request: CreateStaffRequest): Promise<AdminStaffView> {
    const member: StaffMemberConfig = {
      username: request.username,
      displayName: request.displayName,
      role: request.role,
      counterId: request.counterId ?? null,
      specialties: request.specialties ?? [],
    };
    refuseIfAny('CONFIG_INVALID', [...validateStaffMember(member), ...validatePassword(request.password)]);
    // Hashing is slow on purpose: it runs before the branch's writer is taken, not inside it.
    const passwordHash = await hashPassword(request.password);
    return this.commands.run(branchCode, async (tx) => {
      const counters = await this.counters(tx);
      refuseIfAny('CONFIG_INVALID', unknownCounter(member, counters));
      const taken = await tx.manager.exists(StaffUserEntity, { where: { username: member.username } });
      refuseIfAny(
        'ALREADY_EXISTS',
        taken ? [{ path: 'username', message: `"${member.username}" is taken; choose another login name` }] : [],
      );
      const user = tx.manager.create(StaffUserEntity, {
        id: crypto.randomUUID(),
        branchId: tx.branch.id,
        ...member,
        passwordHash,
        active: true,
        presence: null,
        presenceSince: null,
        presenceUntil: null,
        sessionVersion: 0,
      });
      await tx.manager.insert(StaffUserEntity, user);
      const view = adminStaffView(user, counters);
      await recordViewChange(
        tx,
        actor,
        { action: 'staff.create', subject: `staff ${user.username}`, before: null, after: view },
        ['counterId'],
      );
      return view;
    });
  }

  /**
   * Display name, role, counter, specialties. A role without a counter (lobby manager, admin) drops the
   * counter, a role other than RM drops the specialties; a role change ends the person's sessions.
   */
  async update(
    branchCode: string,
    actor: StaffPrincipal,
    userId: string,
    request: UpdateStaffRequest,
  ): Promise<AdminStaffView> {
    return this.commands.run(branchCode, async (tx) => {
      const user = await this.userIn(tx, userId);
      const counters = await this.counters(tx);
      const before = adminStaffView(user, counters);
      const role = request.role ?? user.role;
      const next: StaffMemberConfig = {
        username: user.username,
        displayName: request.displayName ?? user.displayName,
        role,
        counterId:
          request.counterId !== undefined ? request.counterId : COUNTER_ROLES.includes(role) ? user.counterId : null,
        specialties: request.specialties ?? (role === 'rm' ? user.specialties : []),
      };
      refuseIfAny('CONFIG_INVALID', [...validateStaffMember(next), ...unknownCounter(next, counters)]);
      assertStaffChangeAllowed(actor.userId, user, { role, active: user.active }, await this.accounts(tx));
      let target = user;
      if (role !== user.role) {
        await endSessions(tx, user, 'role-changed');
        // Ending the sessions changed the row (session version, RM presence): save over a fresh copy.
        target = await this.userIn(tx, userId);
      }
      Object.assign(target, next);
      const after = adminStaffView(target, counters);
      if (JSON.stringify(after) === JSON.stringify(before)) return after;
      await tx.manager.save(StaffUserEntity, target);
      await recordViewChange(tx, actor, { action: 'staff.update', subject: `staff ${user.username}`, before, after }, [
        'counterId',
      ]);
      return after;
    });
  }

  /** Nobody deactivates themselves or the last active admin. */
  async deactivate(branchCode: string, actor: StaffPrincipal, userId: string): Promise<AdminStaffView> {
    return this.setActive(branchCode, actor, userId, false);
  }

  async reactivate(branchCode: string, actor: StaffPrincipal, userId: string): Promise<AdminStaffView> {
    return this.setActive(branchCode, actor, userId, true);
  }

  /** Sets a new password (hashed; never returned, never in the audit log). */
  async resetPassword(branchCode: string, actor: StaffPrincipal, userId: string, password: string): Promise<void> {
    refuseIfAny('CONFIG_INVALID', validatePassword(password));
    const passwordHash = await hashPassword(password);
    await this.commands.run(branchCode, async (tx) => {
      const user = await this.userIn(tx, userId);
      await tx.manager.update(StaffUserEntity, { id: user.id }, { passwordHash });
      // Every session of the old password ends (someone else may know it).
      await endSessions(tx, user, 'password-reset');
      await recordAdminChange(tx, actor, {
        action: 'staff.password-reset',
        subjectId: user.id,
        subject: `staff ${user.username}: password reset`,
      });
    });
  }

  private async setActive(
    branchCode: string,
    actor: StaffPrincipal,
    userId: string,
    active: boolean,
  ): Promise<AdminStaffView> {
    return this.commands.run(branchCode, async (tx) => {
      const user = await this.userIn(tx, userId);
      const counters = await this.counters(tx);
      if (user.active === active) return adminStaffView(user, counters);
      assertStaffChangeAllowed(actor.userId, user, { role: user.role, active }, await this.accounts(tx));
      if (!active) await endSessions(tx, user, 'deactivated');
      user.active = active;
      await tx.manager.update(StaffUserEntity, { id: user.id }, { active });
      await recordAdminChange(tx, actor, {
        action: active ? 'staff.reactivate' : 'staff.deactivate',
        subjectId: user.id,
        subject: `staff ${user.username}`,
        before: { active: !active },
        after: { active },
      });
      return adminStaffView(user, counters);
    });
  }

  private async userIn(tx: BranchTransaction, userId: string): Promise<StaffUserEntity> {
    const user = await tx.manager.findOne(StaffUserEntity, { where: { id: userId, branchId: tx.branch.id } });
    if (!user) throw new DomainError('STAFF_NOT_FOUND', 'There is no such staff member in this branch.');
    return user;
  }

  private counters(tx: BranchTransaction): Promise<CounterEntity[]> {
    return tx.manager.find(CounterEntity, { where: { branchId: tx.branch.id } });
  }

  private accounts(tx: BranchTransaction): Promise<StaffUserEntity[]> {
    return tx.manager.find(StaffUserEntity, {
      where: { branchId: tx.branch.id },
      select: { id: true, role: true, active: true },
    });
  }
}

function unknownCounter(member: StaffMemberConfig, counters: readonly CounterEntity[]): RuleProblem[] {
  if (member.counterId === null || counters.some((counter) => counter.id === member.counterId)) return [];
  return [{ path: 'counterId', message: 'there is no such counter in this branch' }];
}

/**
 * Ends what a person's old credentials still hold: the counter seat (screens see the counter unstaffed),
 * an RM's presence, and open sockets (told why, then closed). Their tokens are refused from now on:
 * the account's session version goes up and AuthService refuses older tokens.
 */
async function endSessions(
  tx: BranchTransaction,
  user: StaffUserEntity,
  reason: SessionEndedEvent['reason'],
): Promise<void> {
  const seats = await tx.manager.find(CounterEntity, { where: { branchId: tx.branch.id, seatUserId: user.id } });
  for (const counter of seats) {
    Object.assign(counter, { seatSessionId: null, seatUserId: null, seatSince: null, seatExpiresAt: null });
    await tx.manager.save(CounterEntity, counter);
    await emitCounterUpdated(tx, counter.id);
  }
  if (user.role === 'rm') await setRmPresence(tx, user.id, 'away', null);
  await tx.manager.increment(StaffUserEntity, { id: user.id }, 'sessionVersion', 1);
  const ended: SessionEndedEvent = { type: 'session.ended', reason, at: tx.now.toISOString() };
  tx.notify({ room: rooms.user(user.id), event: ended.type, payload: ended, disconnect: true });
}

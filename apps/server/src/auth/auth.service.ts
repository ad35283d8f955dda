import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { type LoginResult, rooms, STAFF_ROLES, type StaffRole } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import { Repository } from 'typeorm';
import { EntityRows } from '../database/entity-rows';
import { BranchEntity } from '../branches/branch.entity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BranchCommands } from '../commands/branch-commands';
import { Clock } from '../common/clock';
import { CounterEntity } from '../counters/counter.entity';
import { emitCounterUpdated } from '../counters/counter-events';
import { isSeatHeld } from '../counters/seats';
import { DeviceEntity } from '../devices/device.entity';
import { setRmPresence } from '../staff/rm-presence';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hasher';
import type { Principal, StaffPrincipal } from './principal';
import { DEVICE_KEY_PREFIX, TICKET_TOKEN_PREFIX, sha256 } from './secrets';

/** Claims of a staff access token. */
interface StaffClaims {
  sub: string;
  /** Expiry, seconds since the epoch (set by the signer). */
  exp?: number;
  /** The account's session version when the token was issued (see StaffUserEntity.sessionVersion). */
  ver?: number;
  /** Session id: a counter seat belongs to one session, so a take-over ends the other one. */
  sid: string;
  role: StaffRole;
  branch: string;
  counter?: string;
}

/** Logs staff in and turns any bearer token (staff JWT, device key, ticket token) into a Principal. */
@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(StaffUserEntity) private readonly users: Repository<StaffUserEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(CounterEntity) private readonly counters: Repository<CounterEntity>,
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    @InjectRepository(TicketEntity) private readonly tickets: Repository<TicketEntity>,
  ) {}

  private readonly branchCodes = new Map<string, string>();

  async login(username: string, password: string, counterCode?: string, takeOver = false): Promise<LoginResult> {
    const user = await this.users.findOne({ where: { username, active: true } });
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !valid) {
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    const branch = await this.branches.findOneByOrFail({ id: user.branchId });
    const counterId = await this.counterFor(user, counterCode);
    const sessionId = crypto.randomUUID();
    if (counterId) await this.takeSeat(branch.code, counterId, user, sessionId, takeOver);
    if (user.role === 'rm') {
      // Signing in makes an RM available for call-overs until the session ends or they say otherwise.
      const until = new Date(this.clock.now().getTime() + this.config.jwtTtlSeconds * 1000);
      await this.commands.run(branch.code, (tx) => setRmPresence(tx, user.id, 'available', until));
    }
    const claims: StaffClaims = {
      sub: user.id,
      sid: sessionId,
      role: user.role,
      branch: branch.code,
      ver: user.sessionVersion,
      ...(counterId ? { counter: counterId } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      expiresIn: this.config.jwtTtlSeconds,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        branchId: branch.code,
        ...(counterId ? { counterId } : {}),
      },
    };
  }

  /**
   * One seat per counter: a sign-in at a counter another session holds is refused with
   * COUNTER_SEAT_TAKEN (saying who holds it) unless the user chose to take it over; the replaced session
   * is told over its socket and its token stops working.
   */
  private async takeSeat(
    branchCode: string,
    counterId: string,
    user: StaffUserEntity,
    sessionId: string,
    takeOver: boolean,
  ): Promise<void> {
    await this.commands.run(branchCode, async (tx) => {
      const counter = await tx.manager.findOneOrFail(CounterEntity, { where: { id: counterId } });
      const previous = isSeatHeld(counter, tx.now) ? counter.seatSessionId : null;
      if (previous && !takeOver) {
        const holder = await tx.manager.findOne(StaffUserEntity, { where: { id: counter.seatUserId ?? '' } });
        throw new DomainError(
          'COUNTER_SEAT_TAKEN',
          `Counter ${counter.code} is in use by ${holder?.displayName ?? 'another session'} since ${counter.seatSince?.toISOString()}; take it over or choose another counter.`,
          {
            counter: counter.code,
            heldBy: holder?.displayName ?? null,
            since: counter.seatSince?.toISOString() ?? null,
          },
        );
      }
      Object.assign(counter, {
        seatSessionId: sessionId,
        seatUserId: user.id,
        seatSince: tx.now,
        seatExpiresAt: new Date(tx.now.getTime() + this.config.jwtTtlSeconds * 1000),
      });
      await tx.manager.save(CounterEntity, counter);
      if (previous) {
        tx.notify({
          room: rooms.session(previous),
          event: 'session.replaced',
          payload: { type: 'session.replaced', counter: counter.code, by: user.displayName, at: tx.now.toISOString() },
          disconnect: true,
        });
      }
      await emitCounterUpdated(tx, counter.id);
    });
  }

  /** Ends a session: frees its counter seat if it still holds it. */
  async logout(principal: StaffPrincipal): Promise<void> {
    if (principal.role === 'rm') {
      await this.commands.run(principal.branch, (tx) => setRmPresence(tx, principal.userId, 'away', null));
    }
    if (!principal.counterId) return;
    const counterId = principal.counterId;
    await this.commands.run(principal.branch, async (tx) => {
      const counter = await tx.manager.findOneOrFail(CounterEntity, { where: { id: counterId } });
      if (counter.seatSessionId !== principal.sessionId) return;
      Object.assign(counter, { seatSessionId: null, seatUserId: null, seatSince: null, seatExpiresAt: null });
      await tx.manager.save(CounterEntity, counter);
      await emitCounterUpdated(tx, counter.id);
    });
  }

  /** The counter a login works at: the one asked for (by code, in the user's branch) or their own. */
  private async counterFor(user: StaffUserEntity, counterCode?: string): Promise<string | null> {
    if (counterCode === undefined) return user.counterId;
    if (user.role !== 'teller' && user.role !== 'rm') {
      throw new DomainError('FORBIDDEN', 'Only tellers and relationship managers sign in at a counter.');
    }
    const counter = await this.counters.findOne({ where: { branchId: user.branchId, code: counterCode } });
    if (!counter) {
      throw new DomainError('COUNTER_NOT_FOUND', `This branch has no counter "${counterCode}".`);
    }
    return counter.id;
  }

  /** Resolves a bearer token, or throws UNAUTHENTICATED with a reason a client developer can act on. */
  async resolve(token: string): Promise<Principal> {
    if (token.startsWith(DEVICE_KEY_PREFIX)) return this.resolveDevice(token);
    if (token.startsWith(TICKET_TOKEN_PREFIX)) return this.resolveTicket(token);
    return this.resolveStaff(token);
  }

  private async resolveDevice(key: string): Promise<Principal> {
    const device = await EntityRows.of(this.devices.manager, DeviceEntity).findOne({
      keyHash: sha256(key),
      revokedAt: null,
    });
    if (!device) throw new DomainError('UNAUTHENTICATED', 'This device key is unknown or has been revoked.');
    return {
      kind: 'device',
      deviceId: device.id,
      deviceKind: device.kind,
      branch: await this.branchCode(device.branchId),
      counterId: device.counterId,
    };
  }

  private async resolveTicket(token: string): Promise<Principal> {
    const ticket = await this.tickets.findOne({
      where: { token },
      select: { id: true, branchId: true, businessDay: true },
    });
    if (!ticket) throw new DomainError('UNAUTHENTICATED', 'This ticket link is not valid.');
    // A ticket's link follows the hall only on its own business day; its page still shows how it ended.
    const branch = await this.branches.findOneOrFail({ where: { id: ticket.branchId } });
    if (ticket.businessDay !== branch.businessDay) {
      throw new DomainError('UNAUTHENTICATED', 'This ticket is from an earlier day; take a new ticket.');
    }
    return { kind: 'ticket', ticketId: ticket.id, branch: branch.code };
  }

  private async resolveStaff(token: string): Promise<StaffPrincipal> {
    let claims: Partial<StaffClaims>;
    try {
      claims = await this.jwt.verifyAsync<StaffClaims>(token);
    } catch {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Your session has expired or the token is invalid; please sign in again.',
      );
    }
    const valid =
      typeof claims.sub === 'string' &&
      typeof claims.sid === 'string' &&
      typeof claims.branch === 'string' &&
      (STAFF_ROLES as readonly unknown[]).includes(claims.role) &&
      (claims.counter === undefined || typeof claims.counter === 'string') &&
      (claims.ver === undefined || Number.isInteger(claims.ver));
    if (!valid) throw new DomainError('UNAUTHENTICATED', 'The token is missing required claims; please sign in again.');
    const user = await this.users.findOne({ where: { id: claims.sub, active: true } });
    if (!user || user.role !== claims.role || (await this.branchCode(user.branchId)) !== claims.branch) {
      throw new DomainError('UNAUTHENTICATED', 'This account is no longer active in this role; please sign in again.');
    }
    if ((claims.ver ?? 0) !== user.sessionVersion) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Your sessions were ended (your password or account was changed); please sign in again.',
      );
    }
    if (claims.counter !== undefined) {
      const counter = await this.counters.findOne({ where: { id: claims.counter } });
      if (!counter || counter.seatSessionId !== claims.sid) {
        throw new DomainError(
          'SESSION_REPLACED',
          'Another sign-in took over your counter, or you signed out; sign in again to continue.',
        );
      }
    }
    return {
      kind: 'staff',
      userId: user.id,
      role: user.role,
      branch: claims.branch,
      counterId: claims.counter ?? null,
      sessionId: claims.sid as string,
      sessionEndsAt: new Date((claims.exp ?? 0) * 1000),
    };
  }

  /**
   * The code of a credential's branch. Every authenticated request asks; a branch keeps its code for life
   * (nothing renames or removes one), so each is read once per server.
   */
  private async branchCode(branchId: string): Promise<string> {
    const known = this.branchCodes.get(branchId);
    if (known !== undefined) return known;
    const branch = await this.branches.findOne({ where: { id: branchId }, select: { id: true, code: true } });
    if (!branch) throw new DomainError('UNAUTHENTICATED', 'The branch of this credential no longer exists.');
    this.branchCodes.set(branchId, branch.code);
    return branch.code;
  }
}

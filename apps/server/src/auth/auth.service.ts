import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { type LoginResult, STAFF_ROLES, type StaffRole } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import { IsNull, Repository } from 'typeorm';
import { BranchEntity } from '../branches/branch.entity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CounterEntity } from '../counters/counter.entity';
import { DeviceEntity } from '../devices/device.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hasher';
import type { Principal, StaffPrincipal } from './principal';
import { DEVICE_KEY_PREFIX, TICKET_TOKEN_PREFIX, sha256 } from './secrets';

/** Claims of a staff access token. */
interface StaffClaims {
  sub: string;
  role: StaffRole;
  branch: string;
  counter?: string;
}

/** Logs staff in and turns any bearer token (staff JWT, device key, ticket token) into a Principal. */
@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(StaffUserEntity) private readonly users: Repository<StaffUserEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(CounterEntity) private readonly counters: Repository<CounterEntity>,
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    @InjectRepository(TicketEntity) private readonly tickets: Repository<TicketEntity>,
  ) {}

  async login(username: string, password: string, counterCode?: string): Promise<LoginResult> {
    const user = await this.users.findOne({ where: { username, active: true } });
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !valid) {
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    const branch = await this.branches.findOneByOrFail({ id: user.branchId });
    const counterId = await this.counterFor(user, counterCode);
    const claims: StaffClaims = {
      sub: user.id,
      role: user.role,
      branch: branch.code,
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
    const device = await this.devices.findOne({ where: { keyHash: sha256(key), revokedAt: IsNull() } });
    if (!device) throw new DomainError('UNAUTHENTICATED', 'This device key is unknown or has been revoked.');
    return {
      kind: 'device',
      deviceId: device.id,
      deviceKind: device.kind,
      branch: await this.branchCode(device.branchId),
    };
  }

  private async resolveTicket(token: string): Promise<Principal> {
    const ticket = await this.tickets.findOne({ where: { token }, select: { id: true, branchId: true } });
    if (!ticket) throw new DomainError('UNAUTHENTICATED', 'This ticket link is not valid.');
    return { kind: 'ticket', ticketId: ticket.id, branch: await this.branchCode(ticket.branchId) };
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
      typeof claims.branch === 'string' &&
      (STAFF_ROLES as readonly unknown[]).includes(claims.role) &&
      (claims.counter === undefined || typeof claims.counter === 'string');
    if (!valid) throw new DomainError('UNAUTHENTICATED', 'The token is missing required claims; please sign in again.');
    const user = await this.users.findOne({ where: { id: claims.sub, active: true } });
    if (!user || user.role !== claims.role || (await this.branchCode(user.branchId)) !== claims.branch) {
      throw new DomainError('UNAUTHENTICATED', 'This account is no longer active in this role; please sign in again.');
    }
    return {
      kind: 'staff',
      userId: user.id,
      role: user.role,
      branch: claims.branch,
      counterId: claims.counter ?? null,
    };
  }

  private async branchCode(branchId: string): Promise<string> {
    const branch = await this.branches.findOne({ where: { id: branchId }, select: { id: true, code: true } });
    if (!branch) throw new DomainError('UNAUTHENTICATED', 'The branch of this credential no longer exists.');
    return branch.code;
  }
}

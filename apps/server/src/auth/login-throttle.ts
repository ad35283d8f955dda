import { type ExecutionContext, Injectable, type Provider } from '@nestjs/common';
import {
  getOptionsToken,
  getStorageToken,
  normalizeIp,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import { DomainError } from '@lobbyflow/domain';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AttemptCounter } from './attempt-counter';

/** Usernames longer than this are cut before they become a counter key (the DTO refuses them anyway). */
const MAX_USERNAME_KEY = 64;

/** The client's address, IPv6 grouped by /64 so that one host cannot rotate through its own addresses. */
function clientIp(request: Request): string {
  return normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown');
}

/**
 * The username the request tries, as the login route will read it. The guard runs before validation,
 * so a body without a string username counts under one shared "(none)" key.
 */
function attemptedUsername(request: Request): string {
  const body: unknown = request.body;
  const username = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
  return typeof username === 'string' ? username.trim().toLowerCase().slice(0, MAX_USERNAME_KEY) : '(none)';
}

/**
 * The two limits on signing in, from configuration: attempts per username and client IP (someone
 * guessing one account's password) and attempts per client IP over all usernames (someone trying one
 * password on many accounts). Every attempt counts, right or wrong, so a correct password is refused
 * too while its key is blocked. Keyed by username + IP, a hundred tellers signing in from one branch
 * address at nine o'clock are a hundred keys, one attempt each.
 */
export function loginThrottlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const user = config.loginRateLimit;
  const ip = config.loginIpRateLimit;
  return {
    // Retry-After is set by LoginThrottlerGuard; limit headers would only tell a guesser how far to go.
    setHeaders: false,
    throttlers: [
      {
        name: 'username-ip',
        limit: user.attempts,
        ttl: user.windowSeconds * 1000,
        getTracker: (request) => `${clientIp(request as Request)}|${attemptedUsername(request as Request)}`,
      },
      {
        name: 'ip',
        limit: ip.attempts,
        ttl: ip.windowSeconds * 1000,
        getTracker: (request) => clientIp(request as Request),
      },
    ],
  };
}

/**
 * `@nestjs/throttler`'s guard for the sign-in route, answering a blocked attempt in the project's error
 * envelope: `429 TOO_MANY_ATTEMPTS` with `Retry-After` and `details.retryAfterSeconds`.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    const seconds = limit.timeToBlockExpire;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new DomainError(
      'TOO_MANY_ATTEMPTS',
      `Too many sign-in attempts; try again in ${seconds} s, or ask an administrator to reset the password.`,
      { retryAfterSeconds: seconds },
    );
  }
}

/** What the auth module provides for the guard: its options and the shared attempt counter as storage. */
export const loginThrottleProviders: Provider[] = [
  AttemptCounter,
  { provide: getOptionsToken(), useFactory: loginThrottlerOptions, inject: [APP_CONFIG] },
  { provide: getStorageToken(), useExisting: AttemptCounter },
  LoginThrottlerGuard,
];

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@lobbyflow/domain';
import type { Request } from 'express';
import { ALLOW_KEY, PUBLIC_KEY } from './allow.decorator';
import { AuthService } from './auth.service';
import { nameHandler, noteCaller } from '../observability/request-context';
import { type Audience, type Principal, audienceOf, principalKey } from './principal';

/**
 * Guards every route (registered globally): resolves the bearer token, checks the caller's audience
 * against `@Allow(...)`, and refuses any route whose `:branchId` is not the caller's branch.
 * Routes are closed by default: a route with neither `@Allow` nor `@Public` is refused. It also completes
 * the request's log context (observability/request-context.ts): the handler, and the caller once allowed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const http = context.getType() === 'http';
    if (http) nameHandler(context.getClass().name, context.getHandler().name);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>".');
    const principal = await this.auth.resolve(token);

    const allowed = this.reflector.getAllAndOverride<Audience[]>(ALLOW_KEY, targets) ?? [];
    if (!allowed.includes(audienceOf(principal))) {
      // `details.allowed` marks a refusal by role (a refusal about one resource carries none).
      throw new DomainError('FORBIDDEN', `A ${audienceOf(principal)} may not do this.`, {
        audience: audienceOf(principal),
        allowed,
      });
    }
    const branchId = request.params?.branchId;
    if (branchId !== undefined && branchId !== principal.branch) {
      throw new DomainError(
        'WRONG_BRANCH',
        `Your credentials are for branch "${principal.branch}", not "${branchId}".`,
      );
    }
    request.principal = principal;
    if (http) noteCaller(principal.branch, principalKey(principal));
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

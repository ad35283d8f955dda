import { createHash } from 'node:crypto';
import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DomainError } from '@lobbyflow/domain';
import type { Request, Response } from 'express';
import { principalKey, type Principal } from '../auth/principal';
import { currentContext } from '../observability/request-context';
import { IDEMPOTENCY_KEY } from './idempotent-request';

/** Response header telling a client that it got the stored answer of its earlier request. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** What makes two requests the same: caller, method, path and body (the same key from another caller is another request). */
function fingerprintOf(request: Request & { principal?: Principal }): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        request.principal ? principalKey(request.principal) : 'anonymous',
        request.method,
        request.path,
        request.body ?? null,
      ]),
    )
    .digest('hex');
}

/**
 * Makes a command route safe to retry: a request with an `Idempotency-Key` header runs its branch command
 * once, and a retry gets the first answer again (see runOnce). The key is checked here and put in the
 * request's context, where the command finds it; the record is read and written by the command itself, in
 * its transaction. Requests without the header run as always. A route guard, after the AuthGuard (the
 * fingerprint names the caller), rather than an interceptor: an interceptor puts Nest's rxjs chain and two
 * async-context binds on every request of the route (issue #10).
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    const http = execution.switchToHttp();
    const request = http.getRequest<Request & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return true;
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key must be 8 to 128 characters of letters, digits and _ . : - (a UUID is ideal).',
      );
    }
    const context = currentContext();
    // Every HTTP request has one (the first middleware, observability/http-observer.ts); without it the key
    // would be ignored and a retry could act twice.
    if (!context) throw new Error('IdempotencyGuard needs the request context of observeHttp.');
    context.idempotent = {
      key,
      fingerprint: fingerprintOf(request),
      checked: false,
      replayed: () => http.getResponse<Response>().setHeader(REPLAYED_HEADER, 'true'),
    };
    return true;
  }
}

/** Marks a command route as safe to retry with an `Idempotency-Key` (documented in the OpenAPI file). */
export const Idempotent = () =>
  applyDecorators(
    UseGuards(IdempotencyGuard),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'One key per user action (a UUID), the same on every retry: a retry gets the first answer again; the same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED).',
    }),
  );

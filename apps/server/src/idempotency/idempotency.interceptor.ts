import { createHash } from 'node:crypto';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DomainError } from '@lobbyflow/domain';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { principalKey, type Principal } from '../auth/principal';
import { IDEMPOTENCY_KEY, type IdempotentRequest, withIdempotentRequest } from './idempotent-request';

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
 * once, and a retry gets the first answer again (see runOnce). The key is checked here; the record is
 * read and written by the command itself, in its transaction. Requests without the header run as always.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key must be 8 to 128 characters of letters, digits and _ . : - (a UUID is ideal).',
      );
    }
    const state: IdempotentRequest = { key, fingerprint: fingerprintOf(request), checked: false, replayed: false };
    const markReplay = tap(() => {
      if (state.replayed) http.getResponse<Response>().setHeader(REPLAYED_HEADER, 'true');
    });
    // The handler runs when the observable is subscribed: subscribing inside the request's context makes
    // every branch command the handler starts see it.
    return new Observable((subscriber) =>
      withIdempotentRequest(state, () => next.handle().pipe(markReplay).subscribe(subscriber)),
    );
  }
}

/** Marks a command route as safe to retry with an `Idempotency-Key` (documented in the OpenAPI file). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'One key per user action (a UUID), the same on every retry: a retry gets the first answer again; the same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED).',
    }),
  );

import type { ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@lobbyflow/domain';
import { REPLAYED_HEADER } from '../idempotency/idempotency.guard';
import { AllExceptionsFilter } from './all-exceptions.filter';

/** The least of an Express response the filter writes to. */
class FakeResponse {
  readonly headers = new Map<string, string>();
  statusCode = 200;
  body: unknown;
  headersSent = false;
  setHeader(name: string, value: string) {
    this.headers.set(name.toLowerCase(), value);
  }
  removeHeader(name: string) {
    this.headers.delete(name.toLowerCase());
  }
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  json(body: unknown) {
    this.body = body;
    this.headersSent = true;
    return this;
  }
}

const hostOf = (response: FakeResponse) =>
  ({ switchToHttp: () => ({ getResponse: () => response }) }) as unknown as ArgumentsHost;

describe('AllExceptionsFilter', () => {
  it('answers a domain error with its status, code and message', () => {
    const response = new FakeResponse();
    new AllExceptionsFilter().catch(new DomainError('COUNTER_BUSY', 'The counter is serving A001.'), hostOf(response));
    expect(response.statusCode).toBe(409);
    expect(response.body).toEqual({ statusCode: 409, code: 'COUNTER_BUSY', message: 'The counter is serving A001.' });
  });

  it('does not mark an error as the stored answer of an earlier request', () => {
    // A command took the stored answer of its Idempotency-Key, then failed after all (its commit failed).
    const response = new FakeResponse();
    response.setHeader(REPLAYED_HEADER, 'true');
    new AllExceptionsFilter().catch(new Error('SQLITE_IOERR: disk I/O error'), hostOf(response));
    expect(response.statusCode).toBe(500);
    expect(response.headers.has(REPLAYED_HEADER.toLowerCase())).toBe(false);
  });
});

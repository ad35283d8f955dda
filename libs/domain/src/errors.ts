import type { ErrorCode } from '@lobbyflow/contracts';

/**
 * A refusal in the language of the hall: a stable code for programs, a sentence for people.
 * Transport-neutral: the server maps codes to HTTP statuses and socket errors in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

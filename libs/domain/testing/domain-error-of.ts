import { DomainError } from '../src/errors';

/** Runs `act`, expects it to throw a DomainError, and returns that error for further assertions. */
export function domainErrorOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

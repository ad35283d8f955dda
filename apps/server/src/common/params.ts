import { Body, type PipeTransform, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lobbyflow/domain';

/** A path parameter that must be a UUID; anything else is a 400 that names the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('VALIDATION_FAILED', `Invalid request: ${name} must be a UUID.`, { fields: [name] }),
  });
}

/** A code in the path (a tier ladder's `assets`): lower-case letters, digits and dashes, or a 400. */
export const codeParam = (name: string): PipeTransform<string, string> => ({
  transform(value: string): string {
    if (/^[a-z0-9-]{1,40}$/.test(value)) return value;
    throw new DomainError('VALIDATION_FAILED', `Invalid request: ${name} must be a code such as "assets".`, {
      fields: [name],
    });
  },
});

/** Accepts no body, or an empty JSON object; refuses any field. */
class EmptyBodyPipe implements PipeTransform {
  transform(value: unknown): undefined {
    if (value === undefined || value === null) return undefined;
    const fields = typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : ['(body)'];
    if (fields.length === 0) return undefined;
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid request: this command takes no body; unknown field(s) ${fields.map((field) => `"${field}"`).join(', ')}.`,
      { fields },
    );
  }
}

/**
 * The body of a command that takes none: a body such as `{note: 'hi'}` is refused rather than silently
 * ignored, like unknown fields everywhere else. Declare the parameter as `object` so that the global
 * validation pipe leaves it to this one.
 */
export const NoBody = () => Body(new EmptyBodyPipe());

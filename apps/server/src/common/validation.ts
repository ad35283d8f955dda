import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '@lobbyflow/domain';

/**
 * Every body and query is validated against its DTO; unknown fields are refused, not silently dropped,
 * so that a client with a typo hears about it.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const fields = [...new Set(problems.map((problem) => problem.field))];
      return new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.text).join('; ')}.`, {
        fields,
      });
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; text: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => ({
      field,
      text: text
        .replace(/^property (\S+) should not exist$/, `unknown field "${field}"`)
        .replace(error.property, field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

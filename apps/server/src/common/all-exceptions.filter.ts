import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import type { NextFunction, Request, Response } from 'express';
import { REPLAYED_HEADER } from '../idempotency/idempotency.guard';
import { ERROR_STATUS } from './error-status';

/** Codes for the errors Nest and Express raise themselves, by HTTP status. */
const FRAMEWORK_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
};

/**
 * Turns every error into `{statusCode, code, message}`. Domain errors keep their code; body-parser
 * errors become MALFORMED_JSON or PAYLOAD_TOO_LARGE; anything unexpected is logged and answered with a
 * 500 that reveals nothing internal.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    // A command may have taken an earlier request's stored answer before failing after all (its commit
    // failed): an error is not that answer.
    response.removeHeader(REPLAYED_HEADER);
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: ERROR_STATUS[exception.code],
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    const parserError = bodyParserError(exception);
    if (parserError) return parserError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? [response.message].flat().join('; ')
          : exception.message;
      return {
        statusCode: status,
        code: FRAMEWORK_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'),
        message: status === 404 ? 'No such endpoint; see /api/docs for the API.' : sentence(message),
      };
    }
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on the server; it has been logged.',
    };
  }
}

/**
 * Express error middleware for right after the JSON body parser. Nest turns the parser's SyntaxError
 * into a bare BadRequestException before any filter sees it, losing its `type`; naming it here keeps
 * malformed JSON a MALFORMED_JSON error rather than a VALIDATION_FAILED one.
 */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const body = bodyParserError(error);
  next(body?.code === 'MALFORMED_JSON' ? new DomainError(body.code, body.message) : error);
}

/** Express's body parser throws plain errors with `type` and `status`. */
function bodyParserError(exception: unknown): ErrorBody | null {
  if (typeof exception !== 'object' || exception === null || !('type' in exception)) return null;
  const type = (exception as { type: unknown }).type;
  if (type === 'entity.parse.failed') {
    return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' };
  }
  if (type === 'entity.too.large') {
    return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large (limit 100 kB).' };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as UTF-8 JSON.' };
  }
  return null;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return 'The request was refused.';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

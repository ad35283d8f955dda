import type { NextFunction, Request, Response } from 'express';
import type { JsonLogger } from './json-logger';
import type { Metrics } from './metrics';
import { type RequestContext, requestIdFrom, runInContext } from './request-context';
import { scrubText } from './redaction';

/** Status logged for a request whose client went away before the answer was sent (nginx's convention). */
const CLIENT_CLOSED = 499;

/**
 * The first middleware of every HTTP request: gives it a request id (echoed in `X-Request-Id`), runs the
 * rest of the request inside its context so that every log line written for it carries the id, and when
 * the answer is sent writes one access log line and one duration sample. The line names the method, the
 * path without its query string (lookup routes carry card and phone numbers there), the route pattern,
 * status and duration, and the caller and branch once the AuthGuard knew them; never a body.
 */
export function observeHttp(logger: JsonLogger, metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const context: RequestContext = {
      requestId: requestIdFrom(request.headers['x-request-id']),
      callerGone: () => request.socket?.destroyed === true && !response.writableFinished,
    };
    response.setHeader('X-Request-Id', context.requestId);
    const started = performance.now();
    response.once('close', () => {
      const durationMs = performance.now() - started;
      const status = response.writableFinished ? response.statusCode : CLIENT_CLOSED;
      const route = routeOf(request);
      metrics.requestFinished(request.method, route, status, durationMs / 1000);
      // A 500's cause is logged at error, with its stack, by the exception filter; 503s are expected refusals.
      const level = status >= 500 ? 'warn' : 'info';
      if (!logger.isEnabled(level)) return;
      logger.write(level, 'Http', {
        msg: 'request',
        requestId: context.requestId,
        branch: context.branch,
        user: context.user,
        method: request.method,
        path: pathOf(request),
        route,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
      });
    });
    runInContext(context, next);
  };
}

/** The route pattern (`/api/tickets/:id/call`): a bounded metric label, unlike the path. */
function routeOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : 'unmatched';
}

/** The path without the query string, with ticket links and number-shaped segments masked. */
function pathOf(request: Request): string {
  const url = request.originalUrl ?? request.url;
  const queryAt = url.indexOf('?');
  return scrubText(queryAt === -1 ? url : url.slice(0, queryAt)).slice(0, 200);
}

import type { INestApplication } from '@nestjs/common';
import type { ErrorBody } from '@lobbyflow/contracts';
import type { NextFunction, Request, Response } from 'express';

/** Request headers a page of an allowed origin may send (the Idempotency-Key of retried commands). */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key'];
/** Response headers such a page may read. */
const EXPOSED_HEADERS = ['Retry-After', 'Idempotent-Replayed'];
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Whether a request may come from the page that sent it. No `Origin` header: not a browser page (a
 * kiosk's own server, a script, a test client), which the bearer token alone admits. The server's own
 * origin (compared by host, so that a TLS-terminating proxy in front does not matter) and the configured
 * `CORS_ORIGINS` are allowed; any other site is not.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  const normalized = origin.toLowerCase();
  if (allowed.includes(normalized)) return true;
  try {
    return host !== undefined && new URL(normalized).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * CORS on the HTTP API: pages of the configured origins get the CORS headers; a preflight from any other
 * site is refused with `403 FORBIDDEN` (without CORS headers, so the browser stops there). Same-origin
 * pages (the screens LobbyFlow serves) need no CORS at all. Socket.io applies the same rule to its
 * handshake (ClusterIoAdapter).
 */
export function configureCors(app: INestApplication, allowed: readonly string[]): void {
  app.use(refuseForeignPreflight(allowed));
  if (allowed.length === 0) return;
  app.enableCors({
    origin: [...allowed],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
  });
}

function refuseForeignPreflight(allowed: readonly string[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (!preflight || originAllowed(request.headers.origin, request.headers.host, allowed)) {
      next();
      return;
    }
    const body: ErrorBody = {
      statusCode: 403,
      code: 'FORBIDDEN',
      message: `Pages of ${String(request.headers.origin)} may not call this API; add the origin to CORS_ORIGINS to allow it.`,
    };
    response.status(403).json(body);
  };
}

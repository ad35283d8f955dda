import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where Swagger UI is served: its page carries inline `<style>` blocks, so it gets a policy of its own. */
export const API_DOCS_PATH = '/api/docs';

/**
 * The Content-Security-Policy of the screens (kiosk, display, phone page, staff console), built by Vite
 * into same-origin modules and stylesheets. What they need and why each source is allowed:
 * - scripts, stylesheets, fonts: their own origin only (Lit's component styles are constructed
 *   stylesheets, which CSP does not restrict; Chart.js and Lit's styleMap set styles through the CSSOM,
 *   also allowed);
 * - `style="..."` attributes in templates (the rating pad's countdown length): allowed. An attribute can
 *   only style its own element, never run script or select others, and Lit escapes what goes into it;
 *   `<style>` elements stay refused;
 * - images: their own origin and `data:` (the kiosk's QR code to the phone page is a data URL);
 * - connections: their own origin, which covers the API and the socket.io WebSocket (`ws:`/`wss:` to the
 *   same host match `'self'` in CSP 3).
 * No plugins, no framing by other sites (a clickjacked staff console), no `<base>` or form posts elsewhere.
 * Not `upgrade-insecure-requests`: a branch may serve its screens over plain HTTP on its own network.
 */
const SCREEN_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI: the same, plus its inline `<style>` blocks. */
const API_DOCS_DIRECTIVES = { ...SCREEN_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"] };

function helmetWith(directives: Record<string, string[]>): RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives } });
}

/**
 * Helmet's security headers on every response (API, screens, assets): the CSP above,
 * `X-Content-Type-Options: nosniff`, `X-Frame-Options: SAMEORIGIN`, `Referrer-Policy: no-referrer` (a phone
 * page's URL holds its ticket token and must not leak to another site), `Strict-Transport-Security` (used by
 * browsers on HTTPS only), `Cross-Origin-Opener-Policy` and `Cross-Origin-Resource-Policy: same-origin`, and
 * no `X-Powered-By`.
 */
export function securityHeaders(): RequestHandler {
  const screens = helmetWith(SCREEN_DIRECTIVES);
  const apiDocs = helmetWith(API_DOCS_DIRECTIVES);
  return (request: Request, response: Response, next: NextFunction) => {
    const handler = request.path === API_DOCS_PATH || request.path.startsWith(`${API_DOCS_PATH}/`) ? apiDocs : screens;
    handler(request, response, next);
  };
}

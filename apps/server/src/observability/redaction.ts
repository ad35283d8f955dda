/**
 * Defensive redaction of what goes into a log line. LobbyFlow logs no request bodies and no query
 * strings; this is the second line: a field named like a secret or a personal number is replaced whole,
 * and text is scrubbed of anything shaped like a card, ID or phone number, a ticket link, a device key
 * or a JWT, whoever put it into a message.
 */

/** Field names (lower case, without `-` and `_`) whose values never reach a log. */
const SECRET_FIELDS = new Set([
  'authorization',
  'cookie',
  'setcookie',
  'password',
  'newpassword',
  'token',
  'accesstoken',
  'secret',
  'jwtsecret',
  'customerkey',
  'devicekey',
  'key',
  'idnumber',
  'cardnumber',
  'card',
  'phone',
  'phonenumber',
  'mobile',
  'contact',
  'body',
]);

/** 11 digits or more, maybe grouped by single spaces or dashes, maybe an ID's check letter: card, ID, phone. */
const LONG_NUMBER = /\d(?:[ -]?\d){10,}[Xx]?/;
/** Request, ticket and staff ids: their digit groups joined by dashes would otherwise look like a number. */
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/;
/** A UUID (captured, kept as it is) or a long number (masked). */
const UUID_OR_LONG_NUMBER = new RegExp(`(${UUID.source})|${LONG_NUMBER.source}`, 'gi');
/** Ticket tokens (the phone page's link) and device keys. */
const CREDENTIAL = /\blf[td]_[A-Za-z0-9_-]+/g;
/** Three base64url parts starting with `{"`: a JWT. */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[redacted]';

/** The text with numbers and credentials masked. */
export function scrubText(text: string): string {
  return text
    .replace(UUID_OR_LONG_NUMBER, (_match, uuid?: string) => uuid ?? REDACTED)
    .replace(CREDENTIAL, REDACTED)
    .replace(JWT, REDACTED);
}

function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/**
 * A copy of `value` safe to log: secret fields replaced, strings scrubbed, nesting cut at a few levels
 * (a log line is not a dump) and cycles broken.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 4 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redact(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    copy[name] = isSecretField(name) ? REDACTED : redact(field, depth + 1, seen);
  }
  return copy;
}

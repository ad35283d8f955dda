import { createHmac } from 'node:crypto';
import { DomainError } from '@lobbyflow/domain';

/** What identifies a known customer: a bank card, a national ID or a mobile number. */
export const ID_KINDS = ['card', 'id', 'phone'] as const;
export type IdKind = (typeof ID_KINDS)[number];

const PATTERNS: Record<IdKind, RegExp> = {
  card: /^\d{12,19}$/,
  id: /^(\d{15}|\d{17}[\dX])$/,
  phone: /^1\d{10}$/,
};

/** Spaces and dashes as people type them, upper-case X in ID numbers. */
export function normalizeIdNumber(kind: IdKind, raw: string): string {
  const value = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!PATTERNS[kind].test(value)) {
    const expected = {
      card: '12 to 19 digits',
      id: '15 or 18 characters (digits, last may be X)',
      phone: '11 digits starting with 1',
    };
    throw new DomainError('VALIDATION_FAILED', `A ${kind} number must be ${expected[kind]}.`);
  }
  return value;
}

/**
 * The keyed hash a profile is found by (HMAC-SHA256 with the server's customer key): without the key,
 * a stolen database does not give the numbers back, not even by trying every card number.
 */
export function idHash(key: string, kind: IdKind, normalized: string): string {
  return createHmac('sha256', key).update(`${kind}:${normalized}`).digest('hex');
}

/** The form staff see: 6222 **** **** 1234, 110***********123X, 138****5678. */
export function maskIdNumber(kind: IdKind, normalized: string): string {
  switch (kind) {
    case 'card':
      return `${normalized.slice(0, 4)} **** **** ${normalized.slice(-4)}`;
    case 'id':
      return `${normalized.slice(0, 3)}${'*'.repeat(normalized.length - 7)}${normalized.slice(-4)}`;
    case 'phone':
      return `${normalized.slice(0, 3)}****${normalized.slice(-4)}`;
  }
}

import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Device keys and ticket tokens: prefixed so that a token's kind is visible, random so it is unguessable. */
export const DEVICE_KEY_PREFIX = 'lfd_';
export const TICKET_TOKEN_PREFIX = 'lft_';

export function newDeviceKey(): string {
  return DEVICE_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The key of a demo device, derived from the server secret so that a development server can print it
 * at every start without storing it in clear.
 */
export function demoDeviceKey(secret: string, branchCode: string, deviceName: string): string {
  return (
    DEVICE_KEY_PREFIX +
    createHmac('sha256', secret).update(`demo-device:${branchCode}:${deviceName}`).digest('base64url')
  );
}

export function newTicketToken(): string {
  return TICKET_TOKEN_PREFIX + randomBytes(18).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

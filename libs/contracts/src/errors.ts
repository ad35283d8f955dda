/**
 * Stable error codes. Every refusal carries one of these in `{statusCode, code, message}`; clients
 * branch on the code, people read the message. The server maps each code to an HTTP status in one place.
 */
export const ERROR_CODES = [
  // input
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'UNKNOWN_BUSINESS_TYPE',
  'UNKNOWN_QUEUE',
  'UNKNOWN_PAUSE_REASON',
  'UNKNOWN_SIGNAL',
  'IMPORT_REJECTED',
  'RULES_INVALID',
  'RULES_CHANGED',
  'CONFIG_INVALID',
  // auth
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'SESSION_REPLACED',
  'FORBIDDEN',
  'WRONG_BRANCH',
  'WRONG_COUNTER',
  'PRIORITY_NOT_ALLOWED',
  // lookup
  'NOT_FOUND',
  'BRANCH_NOT_FOUND',
  'TICKET_NOT_FOUND',
  'COUNTER_NOT_FOUND',
  'STAFF_NOT_FOUND',
  'DEVICE_NOT_FOUND',
  'CUSTOMER_NOT_FOUND',
  'REFERRAL_NOT_FOUND',
  'QUEUE_NOT_FOUND',
  'BUSINESS_TYPE_NOT_FOUND',
  // state
  'ILLEGAL_TRANSITION',
  'TICKET_PARKED_FOR_OTHER',
  'RECALL_TOO_SOON',
  'NO_SHOW_TOO_EARLY',
  'COUNTER_PAUSED',
  'COUNTER_CLOSED',
  'COUNTER_BUSY',
  'COUNTER_SEAT_TAKEN',
  'COUNTER_NOT_SERVING_QUEUE',
  'TRANSFER_TARGET_REQUIRED',
  'TRANSFER_TO_SAME_QUEUE',
  'NO_ROUTE',
  'ALREADY_EXISTS',
  'CONFIG_IN_USE',
  'LAST_ADMIN',
  'CANNOT_DEACTIVATE_SELF',
  'DAY_BOUNDARY_CONFLICT',
  'RATING_ALREADY_REQUESTED',
  'RATING_NOT_REQUESTED',
  'RATING_WINDOW_CLOSED',
  'ALREADY_RATED',
  // server
  'INTERNAL_ERROR',
  'SHUTTING_DOWN',
  'CALLER_GONE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error response and socket error. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /**
   * Extra facts a client can act on: `{fields: [...]}` for VALIDATION_FAILED,
   * `{retryAfterSeconds: 12}` for RECALL_TOO_SOON, `{problems: [{path, message}]}` for RULES_INVALID and
   * the admin API's refusals (CONFIG_INVALID, ALREADY_EXISTS, CONFIG_IN_USE, ...).
   */
  details?: Record<string, unknown>;
}

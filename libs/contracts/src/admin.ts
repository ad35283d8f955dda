import type { BusinessCategory, CounterKind, CounterStatus, Destination, DiversionSignal, StaffRole } from './enums';
import type { LocalizedText } from './i18n';
import type { FollowUpGrade } from './referrals';
import type { AmountBand } from './views';

/*
 * The admin API (`/api/branches/:branchId/admin/...`): the branch head's whole configuration job. Every
 * change is checked whole and refused with nothing written: `400 VALIDATION_FAILED` (`details.fields`)
 * for a malformed body, and otherwise `details.problems: [{path, message}]`, each `path` naming a field of
 * the submitted body, with the codes CONFIG_INVALID (400: inconsistent), ALREADY_EXISTS (409: code,
 * prefix or username taken), CONFIG_IN_USE (409: something still depends on it), LAST_ADMIN,
 * CANNOT_DEACTIVATE_SELF and DAY_BOUNDARY_CONFLICT (409). Every change is written to the audit log.
 */

/** When a diversion route or signal applies; thresholds are named (`smallCashLimit`), never figures. */
export interface RouteConditionSpec {
  hasCard?: boolean;
  /** Amount at or below the named threshold. */
  amountAtMost?: string;
  /** Amount at or above the named threshold. */
  amountAtLeast?: string;
}

/** One line of a business type's diversion table; the first matching line wins. */
export interface DiversionRouteSpec {
  when?: RouteConditionSpec;
  destination: Destination;
  /** The queue of a counter destination; absent for self-service. */
  queue?: string;
  /** The one sentence the kiosk says (the self-service advice, or where to go with the ticket). */
  advice: LocalizedText;
}

/** An identification signal a business raises (large cash from the large-cash line up, ...). */
export interface SignalRuleSpec {
  signal: DiversionSignal;
  when?: RouteConditionSpec;
}

export interface FollowUpCadenceSpec {
  /** Days from a no-time referral to the RM's first call. */
  firstContactDays: number;
  grades: Record<FollowUpGrade, { everyDays: number; meaning: LocalizedText }>;
}

/** `GET .../admin/settings`: the branch-wide rules, in the shape `PATCH` takes them. */
export interface AdminSettingsView {
  branchId: string;
  name: LocalizedText;
  /** IANA zone (`Asia/Shanghai`) or fixed offset (`+08:00`). */
  timeZone: string;
  /** Local time the business day and ticket numbering restart, `HH:MM`. */
  dayStartsAt: string;
  /** The business day the branch is in now (read-only). */
  businessDay: string;
  /** Named amounts (CNY) the diversion tables refer to: `{smallCashLimit: 20000, largeCashLine: 50000}`. */
  thresholds: Record<string, number>;
  serviceLevelMinutes: number;
  lifecycle: { recallDelaySeconds: number; noShowAfterRecalls: number; returnHoldSeconds: number };
  /** `maxPriorityInRow: null`: priority customers always go first. */
  callPolicy: { maxPriorityInRow: number | null; agingMinutes: number };
  pauseReasons: { code: string; name: LocalizedText }[];
  callover: { answerSeconds: number };
  followUp: FollowUpCadenceSpec;
  /** Seconds a customer has to rate a visit after the teller asks (domain.md §8: a short window). */
  rating: { windowSeconds: number };
}

/**
 * `PATCH .../admin/settings`: any of the settings; each field sent replaces that setting whole (all
 * thresholds, the whole lifecycle, every pause reason...), fields not sent stay as they are.
 */
export type AdminSettingsPatch = Partial<Omit<AdminSettingsView, 'branchId' | 'businessDay'>>;

export interface AdminBusinessTypeView {
  id: string;
  code: string;
  name: LocalizedText;
  category: BusinessCategory;
  icon: string;
  typicalServiceMinutes: number;
  routes: DiversionRouteSpec[];
  signals: SignalRuleSpec[];
  /** A retired type is no longer offered; tickets that used it keep it. */
  active: boolean;
  /** The amount bands the kiosk offers for it under today's thresholds (read-only). */
  amountBands: AmountBand[];
}

export interface CreateBusinessTypeRequest {
  code: string;
  name: LocalizedText;
  category: BusinessCategory;
  /** Kiosk icon name; defaults to the category. */
  icon?: string;
  typicalServiceMinutes: number;
  routes: DiversionRouteSpec[];
  signals?: SignalRuleSpec[];
}

/** Any of the fields; `routes` and `signals` replace the whole table. `active: false` retires the type. */
export type UpdateBusinessTypeRequest = Partial<Omit<CreateBusinessTypeRequest, 'code'>> & { active?: boolean };

export interface AdminQueueView {
  id: string;
  code: string;
  prefix: string;
  name: LocalizedText;
  destination: Destination;
}

export interface CreateQueueRequest {
  code: string;
  prefix: string;
  name: LocalizedText;
  destination: Destination;
}

export type UpdateQueueRequest = Partial<Omit<CreateQueueRequest, 'code'>>;

export interface AdminCounterView {
  id: string;
  code: string;
  name: LocalizedText;
  kind: CounterKind;
  /** `closed`: out of service until an admin opens it again (a closed counter cannot call). */
  status: CounterStatus;
  queues: { queue: string; weight: number }[];
}

export interface CreateCounterRequest {
  code: string;
  name: LocalizedText;
  kind: CounterKind;
  /** The queues served, each with a weight > 0: higher weights are served sooner at this counter. */
  queues: { queue: string; weight: number }[];
}

export type UpdateCounterRequest = Partial<Omit<CreateCounterRequest, 'code'>>;

/** A staff account; the password (or its hash) is never part of it. */
export interface AdminStaffView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  counterId: string | null;
  /** The code of that counter, for display. */
  counter: string | null;
  specialties: string[];
  active: boolean;
}

export interface CreateStaffRequest {
  username: string;
  displayName: string;
  role: StaffRole;
  /** Tellers and RMs only: the counter or desk they normally sign in at. */
  counterId?: string | null;
  /** RMs only: segments and products they know best (`retirees`, `funds`). */
  specialties?: string[];
  /** The initial password, 8 to 128 characters; stored only as a slow hash. */
  password: string;
}

/** Any of the fields. Changing the role ends the person's sessions; leaving `rm` clears the specialties. */
export type UpdateStaffRequest = Partial<
  Pick<CreateStaffRequest, 'displayName' | 'role' | 'counterId' | 'specialties'>
>;

export interface ResetPasswordRequest {
  password: string;
}

/**
 * Sent to a staff member's sockets (`user:<id>`) when an admin deactivates the account, changes its role
 * or resets its password; the sockets are closed after it and the person's tokens are refused from then on.
 */
export interface SessionEndedEvent {
  type: 'session.ended';
  reason: 'deactivated' | 'role-changed' | 'password-reset';
  at: string;
}

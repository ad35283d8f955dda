import type {
  AdminBusinessTypeView,
  AdminCounterView,
  AdminQueueView,
  AdminSettingsPatch,
  AdminSettingsView,
  AdminStaffView,
  AuditEntryView,
  BranchSettingsView,
  ContactChannel,
  CounterView,
  CreateBusinessTypeRequest,
  CreateCounterRequest,
  CreateQueueRequest,
  CreateStaffRequest,
  CustomerProfileView,
  DeviceKind,
  DeviceRegistered,
  DeviceView,
  FollowUpGrade,
  IdentificationRules,
  ImportReport,
  KpiReport,
  LoginResult,
  ReferralOutcome,
  ReferralView,
  RmPresence,
  RmPresenceView,
  ServiceView,
  StaffingHint,
  StaffTicketView,
  TierLadder,
  TierLaddersView,
  TriageResult,
  UpdateBusinessTypeRequest,
  UpdateCounterRequest,
  UpdateQueueRequest,
  UpdateStaffRequest,
} from '@lobbyflow/contracts';
import { ApiClient, ApiError, type RetryPolicy } from './api-client';
import type { KioskRequest } from './kiosk-api';

/** What a staff member types to sign in; `counter` is a counter code ("3", "R1") for tellers and RMs. */
export interface LoginRequest {
  username: string;
  password: string;
  counter?: string;
  /** Take the counter over from the session holding it (after the user confirmed). */
  takeOver?: boolean;
}

/** Where a ticket goes on a transfer: a queue, a counter, or both (the server checks they fit). */
export interface TransferTarget {
  queue?: string;
  counterId?: string;
}

/** A call-over: the customer has time now (the RM comes over) or not (experience card, follow-up). */
export interface CalloverRequest {
  customerHasTime: boolean;
  note?: string;
}

/** A walk-in referral: a customer without a ticket whom the lobby manager hands to an RM. */
export interface WalkInReferralRequest extends CalloverRequest {
  signals: string[];
  description: string;
}

/**
 * An RM's answer to a call-over: coming now, later (in how many minutes: the customer is seated with a
 * leaflet meanwhile), or not at all (with a reason; the call-over passes to the next RM).
 */
export type CalloverAnswer =
  | { response: 'coming' }
  | { response: 'defer'; minutes: number }
  | { response: 'decline'; reason: string };

/** What came of the meeting, and the grade A-E that sets the next contact day. */
export interface MeetingOutcomeRequest {
  outcome: ReferralOutcome;
  grade: FollowUpGrade;
  products?: string[];
  note?: string;
}

/** A contact after the visit (a call, a visit, a message); it regrades the customer. */
export interface FollowUpContactRequest {
  channel: ContactChannel;
  grade: FollowUpGrade;
  outcome?: ReferralOutcome;
  products?: string[];
  note?: string;
}

/** Business days of a report, both inclusive (`2026-11-23`); the branch's today when left out. */
export interface ReportRange {
  from?: string;
  to?: string;
}

/** Identification rules as an admin submits them: the server numbers the version. */
/** `basedOnVersion`: the version the edit was made on; a newer one in force refuses it (409 RULES_CHANGED). */
export type IdentificationRulesRequest = Omit<IdentificationRules, 'version'> & { basedOnVersion?: number };

/** A tier ladder as an admin submits it: its code goes in the path. */
export type TierLadderRequest = Omit<TierLadder, 'code'> & { basedOnVersion?: number };

/** Refusals that end the session: the screen asks the user to sign in again. */
const SESSION_ENDED = new Set(['UNAUTHENTICATED', 'SESSION_REPLACED']);

const path = (value: string) => encodeURIComponent(value);

/**
 * Every call the staff console makes (teller counter, lobby manager, RM, admin). Components call these
 * methods, never `fetch`. A refusal that ends the session (expired token, counter taken over) is reported
 * to `onSessionEnded` before it is thrown, so the console can show the sign-in again wherever it happened.
 * Every command at the counter and on referrals is sent with an Idempotency-Key of its own and retried
 * with it when the server could not answer (see RetryPolicy); sign-in and admin changes are sent once.
 */
export class StaffApi extends ApiClient {
  constructor(
    baseUrl: string,
    token: () => string | null,
    private readonly onSessionEnded: (error: ApiError) => void = () => undefined,
    fetchImpl?: typeof fetch,
    retryPolicy?: RetryPolicy,
  ) {
    super(baseUrl, token, fetchImpl, retryPolicy);
  }

  protected override get<T>(url: string): Promise<T> {
    return this.watch(super.get<T>(url));
  }

  protected override post<T>(url: string, body: object): Promise<T> {
    return this.watch(super.post<T>(url, body));
  }

  protected override postOnce<T>(url: string, body: object, idempotencyKey: string): Promise<T> {
    return this.watch(super.postOnce<T>(url, body, idempotencyKey));
  }

  protected override put<T>(url: string, body: object): Promise<T> {
    return this.watch(super.put<T>(url, body));
  }

  protected override patch<T>(url: string, body: object): Promise<T> {
    return this.watch(super.patch<T>(url, body));
  }

  protected override delete<T>(url: string): Promise<T> {
    return this.watch(super.delete<T>(url));
  }

  protected override postText<T>(url: string, text: string, contentType: string): Promise<T> {
    return this.watch(super.postText<T>(url, text, contentType));
  }

  protected override getText(url: string): Promise<string> {
    return this.watch(super.getText(url));
  }

  private async watch<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && SESSION_ENDED.has(error.code)) {
        this.onSessionEnded(error);
      }
      throw error;
    }
  }

  // Session

  login(request: LoginRequest): Promise<LoginResult> {
    return this.post('/api/auth/login', request);
  }

  /** Frees the counter seat at once (the token would otherwise hold it until it expires). */
  logout(): Promise<void> {
    return this.post('/api/auth/logout', {});
  }

  // The branch

  settings(branchId: string): Promise<BranchSettingsView> {
    return this.get(`/api/branches/${path(branchId)}/settings`);
  }

  services(branchId: string): Promise<ServiceView[]> {
    return this.get(`/api/branches/${path(branchId)}/services`);
  }

  /** What the lobby manager could do about staffing now (open a counter, pause one), in both languages. */
  staffingHints(branchId: string): Promise<StaffingHint[]> {
    return this.get(`/api/branches/${path(branchId)}/staffing-hints`);
  }

  // The counter

  /** The ticket the call policy picks for this counter, or null when nobody waits (204). */
  callNext(counterId: string): Promise<StaffTicketView | null> {
    return this.command(`/api/counters/${path(counterId)}/call-next`);
  }

  pause(counterId: string, reason: string): Promise<CounterView> {
    return this.command(`/api/counters/${path(counterId)}/pause`, { reason });
  }

  resume(counterId: string): Promise<CounterView> {
    return this.command(`/api/counters/${path(counterId)}/resume`);
  }

  // Tickets

  /** Calls one chosen ticket: waiting in a queue this counter serves, or parked for the caller. */
  call(ticketId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'call');
  }

  recall(ticketId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'recall');
  }

  start(ticketId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'start');
  }

  /** Finishes the visit with the business actually done (codes of business types). */
  finish(ticketId: string, businessDone: string[]): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'finish', { businessDone });
  }

  noShow(ticketId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'no-show');
  }

  /** The customer stepped away: back to the queue, keeping the place (on hold for a while). */
  returnToQueue(ticketId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'return');
  }

  transfer(ticketId: string, target: TransferTarget): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'transfer', target);
  }

  /** Parks the ticket for a staff member (an RM, another teller), who calls it when ready. */
  park(ticketId: string, staffId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'park', { staffId });
  }

  cancel(ticketId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'cancel');
  }

  /** Observed identification signals; the server evaluates the verdict again and answers the ticket. */
  flag(ticketId: string, signals: string[], note?: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'flag', note ? { signals, note } : { signals });
  }

  /** Asks the customer to rate this visit: the counter's pad and the customer's phone show the buttons. */
  requestRating(ticketId: string): Promise<StaffTicketView> {
    return this.ticketCommand(ticketId, 'rating-request');
  }

  /** Hands the ticket's customer to the right RM (potential VIP): a call-over now, or a follow-up. */
  callover(ticketId: string, request: CalloverRequest): Promise<ReferralView> {
    return this.command(`/api/tickets/${path(ticketId)}/callover`, request);
  }

  private ticketCommand(ticketId: string, command: string, body: object = {}): Promise<StaffTicketView> {
    return this.command(`/api/tickets/${path(ticketId)}/${command}`, body);
  }

  // Customers and referrals

  /** A customer's profile with assets: an audited view, so a reason is required. */
  customer(customerId: string, reason: string): Promise<CustomerProfileView> {
    return this.get(`/api/customers/${path(customerId)}?reason=${encodeURIComponent(reason)}`);
  }

  referrals(): Promise<ReferralView[]> {
    return this.get('/api/referrals');
  }

  walkInReferral(request: WalkInReferralRequest): Promise<ReferralView> {
    return this.command('/api/referrals', request);
  }

  // The relationship manager

  /** The RM says where they are: only an available RM is called over. */
  setPresence(presence: RmPresence): Promise<RmPresenceView> {
    return this.put('/api/rms/me/presence', { presence });
  }

  /** The addressed RM answers a call-over (a decline passes it to the next RM). */
  answerCallover(referralId: string, answer: CalloverAnswer): Promise<ReferralView> {
    return this.command(`/api/referrals/${path(referralId)}/respond`, answer);
  }

  /** The RM is with the customer now. */
  meetCustomer(referralId: string): Promise<ReferralView> {
    return this.command(`/api/referrals/${path(referralId)}/meet`);
  }

  recordOutcome(referralId: string, request: MeetingOutcomeRequest): Promise<ReferralView> {
    return this.command(`/api/referrals/${path(referralId)}/outcome`, request);
  }

  recordContact(referralId: string, request: FollowUpContactRequest): Promise<ReferralView> {
    return this.command(`/api/referrals/${path(referralId)}/contacts`, request);
  }

  /** The RM's own follow-ups by the day they are due, the most overdue first. */
  followUps(): Promise<ReferralView[]> {
    return this.get('/api/follow-ups');
  }

  // Second diversion (二次分流)

  /** Where a business would go and the sentence that says so (advice only: nothing is written). */
  triage(branchId: string, request: KioskRequest): Promise<TriageResult> {
    return this.post(`/api/branches/${path(branchId)}/triage`, request);
  }

  /**
   * The customer took the self-service advice: counted once for the diversion rate however often the
   * same `idempotencyKey` is retried.
   */
  acceptAdvice(branchId: string, request: KioskRequest, idempotencyKey: string): Promise<TriageResult> {
    return this.postOnce(`/api/branches/${path(branchId)}/diversions`, request, idempotencyKey);
  }

  /**
   * A waiting customer goes to the machines after all: the server cancels the ticket and records the
   * re-diversion with its reason in one transaction (NO_ROUTE when the business cannot be done there).
   */
  redirectToSelfService(ticketId: string, reason: string): Promise<StaffTicketView> {
    return this.command(`/api/tickets/${path(ticketId)}/self-service`, { reason });
  }

  // Admin: the branch's configuration (admin writes, the lobby manager reads most of it)

  adminSettings(branchId: string): Promise<AdminSettingsView> {
    return this.get(`${adminPath(branchId)}/settings`);
  }

  /** Each field sent replaces that setting whole; the server checks the result whole before writing. */
  updateAdminSettings(branchId: string, patch: AdminSettingsPatch): Promise<AdminSettingsView> {
    return this.patch(`${adminPath(branchId)}/settings`, patch);
  }

  /** Every business type with its diversion table, retired ones included. */
  businessTypes(branchId: string): Promise<AdminBusinessTypeView[]> {
    return this.get(`${adminPath(branchId)}/business-types`);
  }

  createBusinessType(branchId: string, request: CreateBusinessTypeRequest): Promise<AdminBusinessTypeView> {
    return this.post(`${adminPath(branchId)}/business-types`, request);
  }

  /** `routes` and `signals` replace the whole table; `active: false` retires the type. */
  updateBusinessType(branchId: string, code: string, patch: UpdateBusinessTypeRequest): Promise<AdminBusinessTypeView> {
    return this.patch(`${adminPath(branchId)}/business-types/${path(code)}`, patch);
  }

  queues(branchId: string): Promise<AdminQueueView[]> {
    return this.get(`${adminPath(branchId)}/queues`);
  }

  createQueue(branchId: string, request: CreateQueueRequest): Promise<AdminQueueView> {
    return this.post(`${adminPath(branchId)}/queues`, request);
  }

  updateQueue(branchId: string, code: string, patch: UpdateQueueRequest): Promise<AdminQueueView> {
    return this.patch(`${adminPath(branchId)}/queues/${path(code)}`, patch);
  }

  /** Refused (CONFIG_IN_USE) while counters, business types or open tickets use the queue. */
  deleteQueue(branchId: string, code: string): Promise<void> {
    return this.delete(`${adminPath(branchId)}/queues/${path(code)}`);
  }

  counters(branchId: string): Promise<AdminCounterView[]> {
    return this.get(`${adminPath(branchId)}/counters`);
  }

  createCounter(branchId: string, request: CreateCounterRequest): Promise<AdminCounterView> {
    return this.post(`${adminPath(branchId)}/counters`, request);
  }

  updateCounter(branchId: string, counterId: string, patch: UpdateCounterRequest): Promise<AdminCounterView> {
    return this.patch(`${adminPath(branchId)}/counters/${path(counterId)}`, patch);
  }

  /** Takes a counter out of service (it cannot call) until it is opened again. */
  closeCounter(branchId: string, counterId: string): Promise<AdminCounterView> {
    return this.post(`${adminPath(branchId)}/counters/${path(counterId)}/close`, {});
  }

  openCounter(branchId: string, counterId: string): Promise<AdminCounterView> {
    return this.post(`${adminPath(branchId)}/counters/${path(counterId)}/open`, {});
  }

  staff(branchId: string): Promise<AdminStaffView[]> {
    return this.get(`${adminPath(branchId)}/staff`);
  }

  createStaff(branchId: string, request: CreateStaffRequest): Promise<AdminStaffView> {
    return this.post(`${adminPath(branchId)}/staff`, request);
  }

  /** A role change ends the person's sessions at once. */
  updateStaff(branchId: string, userId: string, patch: UpdateStaffRequest): Promise<AdminStaffView> {
    return this.patch(`${adminPath(branchId)}/staff/${path(userId)}`, patch);
  }

  deactivateStaff(branchId: string, userId: string): Promise<AdminStaffView> {
    return this.post(`${adminPath(branchId)}/staff/${path(userId)}/deactivate`, {});
  }

  reactivateStaff(branchId: string, userId: string): Promise<AdminStaffView> {
    return this.post(`${adminPath(branchId)}/staff/${path(userId)}/reactivate`, {});
  }

  /** Sets a new password (8-128 characters); the person's sessions end. */
  resetPassword(branchId: string, userId: string, password: string): Promise<void> {
    return this.post(`${adminPath(branchId)}/staff/${path(userId)}/password`, { password });
  }

  // Admin: devices, rules, customers, audit

  devices(branchId: string): Promise<DeviceView[]> {
    return this.get(`${branchPath(branchId)}/devices`);
  }

  /** Registers a kiosk or display; the key is in this answer only (the server keeps a hash). */
  /** Registers a device; a rating pad names the counter (code) it stands on. */
  registerDevice(branchId: string, kind: DeviceKind, name: string, counter?: string): Promise<DeviceRegistered> {
    return this.post(`${branchPath(branchId)}/devices`, counter === undefined ? { kind, name } : { kind, name, counter });
  }

  revokeDevice(branchId: string, deviceId: string): Promise<void> {
    return this.delete(`${branchPath(branchId)}/devices/${path(deviceId)}`);
  }

  identificationRules(branchId: string): Promise<IdentificationRules> {
    return this.get(`${branchPath(branchId)}/rules/identification`);
  }

  /** Replaces the rules whole (RULES_INVALID lists every problem); answers the new version. */
  replaceIdentificationRules(branchId: string, rules: IdentificationRulesRequest): Promise<IdentificationRules> {
    return this.put(`${branchPath(branchId)}/rules/identification`, rules);
  }

  tierLadders(branchId: string): Promise<TierLaddersView> {
    return this.get(`${branchPath(branchId)}/rules/ladders`);
  }

  /** Replaces or adds one ladder; the rules' version goes up. */
  replaceTierLadder(branchId: string, code: string, ladder: TierLadderRequest): Promise<TierLaddersView> {
    return this.put(`${branchPath(branchId)}/rules/ladders/${path(code)}`, ladder);
  }

  /** All rows or none: IMPORT_REJECTED carries `details.rejected`, every bad row and field. */
  importCustomers(branchId: string, csv: string): Promise<ImportReport> {
    return this.postText(`${branchPath(branchId)}/customers/import`, csv, 'text/csv; charset=utf-8');
  }

  /** A page of the append-only audit log, newest first: `limit` entries older than the entry `before`. */
  auditLog(branchId: string, page: { before?: string; limit?: number } = {}): Promise<AuditEntryView[]> {
    return this.get(`${branchPath(branchId)}/audit${queryString(page)}`);
  }

  // Reports (lobby manager and admin)

  kpis(branchId: string, range: ReportRange = {}): Promise<KpiReport> {
    return this.get(`${branchPath(branchId)}/reports/kpis${queryString(range)}`);
  }

  /** The same figures as CSV text, one row per group (the caller saves it as a file). */
  kpisCsv(branchId: string, range: ReportRange = {}): Promise<string> {
    return this.getText(`${branchPath(branchId)}/reports/kpis.csv${queryString(range)}`);
  }
}

const branchPath = (branchId: string) => `/api/branches/${path(branchId)}`;
const adminPath = (branchId: string) => `${branchPath(branchId)}/admin`;

/** `?name=value&...` for the parameters given (`from`, `limit`...); nothing when none is. */
function queryString(params: object): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

import type {
  BranchSettingsView,
  CounterView,
  CustomerProfileView,
  LoginResult,
  ReferralView,
  ServiceView,
  StaffTicketView,
  TriageResult,
} from '@lobbyflow/contracts';
import { ApiClient, ApiError } from './api-client';
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

/** Refusals that end the session: the screen asks the user to sign in again. */
const SESSION_ENDED = new Set(['UNAUTHENTICATED', 'SESSION_REPLACED']);

const path = (value: string) => encodeURIComponent(value);

/**
 * Every call the staff console makes (teller counter, lobby manager, RM, admin). Components call these
 * methods, never `fetch`. A refusal that ends the session (expired token, counter taken over) is reported
 * to `onSessionEnded` before it is thrown, so the console can show the sign-in again wherever it happened.
 */
export class StaffApi extends ApiClient {
  constructor(
    baseUrl: string,
    token: () => string | null,
    private readonly onSessionEnded: (error: ApiError) => void = () => undefined,
    fetchImpl?: typeof fetch,
  ) {
    super(baseUrl, token, fetchImpl);
  }

  protected override get<T>(url: string): Promise<T> {
    return this.watch(super.get<T>(url));
  }

  protected override post<T>(url: string, body: object, headers: Record<string, string> = {}): Promise<T> {
    return this.watch(super.post<T>(url, body, headers));
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

  // The counter

  /** The ticket the call policy picks for this counter, or null when nobody waits (204). */
  callNext(counterId: string): Promise<StaffTicketView | null> {
    return this.post(`/api/counters/${path(counterId)}/call-next`, {});
  }

  pause(counterId: string, reason: string): Promise<CounterView> {
    return this.post(`/api/counters/${path(counterId)}/pause`, { reason });
  }

  resume(counterId: string): Promise<CounterView> {
    return this.post(`/api/counters/${path(counterId)}/resume`, {});
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

  /** Hands the ticket's customer to the right RM (potential VIP): a call-over now, or a follow-up. */
  callover(ticketId: string, request: CalloverRequest): Promise<ReferralView> {
    return this.post(`/api/tickets/${path(ticketId)}/callover`, request);
  }

  private ticketCommand(ticketId: string, command: string, body: object = {}): Promise<StaffTicketView> {
    return this.post(`/api/tickets/${path(ticketId)}/${command}`, body);
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
    return this.post('/api/referrals', request);
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
    return this.post(`/api/branches/${path(branchId)}/diversions`, request, { 'Idempotency-Key': idempotencyKey });
  }

  /**
   * A waiting customer goes to the machines after all: the server cancels the ticket and records the
   * re-diversion with its reason in one transaction (NO_ROUTE when the business cannot be done there).
   */
  redirectToSelfService(ticketId: string, reason: string): Promise<StaffTicketView> {
    return this.post(`/api/tickets/${path(ticketId)}/self-service`, { reason });
  }
}

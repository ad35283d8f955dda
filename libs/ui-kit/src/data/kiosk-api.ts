import type { IssuedTicket, PriorityClass, PriorityReason, ServiceView, TriageResult } from '@lobbyflow/contracts';
import { ApiClient } from './api-client';

/** What the customer told the kiosk. */
export interface KioskRequest {
  businessType: string;
  amount?: number;
  hasCard?: boolean;
}

/** The kiosk's calls: the services offered, advice, the customer's choice, the ticket. */
export class KioskApi extends ApiClient {
  services(branchId: string): Promise<ServiceView[]> {
    return this.get(`/api/branches/${encodeURIComponent(branchId)}/services`);
  }

  triage(branchId: string, request: KioskRequest): Promise<TriageResult> {
    return this.post(`/api/branches/${encodeURIComponent(branchId)}/triage`, request);
  }

  /** The customer went to the machine: counted once for the diversion rate, however often retried. */
  acceptAdvice(branchId: string, request: KioskRequest, idempotencyKey: string): Promise<TriageResult> {
    return this.postOnce(`/api/branches/${encodeURIComponent(branchId)}/diversions`, request, idempotencyKey);
  }

  /**
   * Issues a ticket. `idempotencyKey` is made once per customer and reused for every retry, so a
   * double tap or a lost answer never makes two tickets.
   */
  issue(
    branchId: string,
    request: KioskRequest & {
      priority?: PriorityClass;
      priorityReason?: PriorityReason;
      declinedAdvice?: boolean;
      customer?: { idKind: 'card' | 'id' | 'phone'; idNumber: string };
    },
    idempotencyKey: string,
  ): Promise<IssuedTicket> {
    return this.postOnce(`/api/branches/${encodeURIComponent(branchId)}/tickets`, request, idempotencyKey);
  }
}

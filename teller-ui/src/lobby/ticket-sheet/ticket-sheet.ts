import type { BranchSettingsView, QueueView, ServiceView, StaffTicketView, TriageResult } from '@lobbyflow/contracts';
import { canTransition } from '@lobbyflow/domain';
import { LocaleController, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../../shared/action-controller';
import { amountBandOf, bandLabel, duration, money } from '../../shared/format';
import { countedSignals, previewVerdict } from '../../shared/identification';
import { t } from '../../shared/messages';
import { sharedStyles } from '../../shared/styles';
import { actionStatus, signalChecks, verdictLine } from '../../shared/templates';
import { ticketSheetStyles } from './ticket-sheet.styles';

/** Why a waiting customer goes to the machines after all: recorded with the re-diversion. */
const REDIRECT_REASONS = ['small-amount', 'customer-prefers', 'machine-free'] as const;
type RedirectReason = (typeof REDIRECT_REASONS)[number];

/**
 * What the lobby manager does with one customer in the hall (domain.md §2 second diversion, §3-4): tick
 * what they observed (the lobby-stage signals of the branch's rules; the verdict previews at once and the
 * server decides when recorded), call an RM over or hand an experience card, move the ticket to another
 * queue, send the customer to the machines, or cancel the ticket. Closes itself (`lf-close`) when the
 * ticket has left the hall's waiting list or the manager is done.
 */
@customElement('lf-ticket-sheet')
export class TicketSheet extends LitElement {
  static override styles = [sharedStyles, ticketSheetStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property() branchId = '';
  @property({ attribute: false }) ticket!: StaffTicketView;
  @property({ attribute: false }) settings: BranchSettingsView | null = null;
  @property({ attribute: false }) services: ServiceView[] = [];
  @property({ attribute: false }) queues: QueueView[] = [];
  /** Seconds the ticket has waited, from the screen's server clock. */
  @property({ type: Number }) waitedSeconds = 0;

  @state() private ticked = new Set<string>();
  @state() private note = '';
  @state() private referNote = '';
  @state() private triage: TriageResult | null = null;
  @state() private confirmingCancel = false;
  @state() private redirectReason: RedirectReason = 'small-amount';

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    const before = changed.get('ticket') as StaffTicketView | undefined;
    if (before && before.id !== this.ticket.id) {
      this.ticked = new Set();
      this.note = '';
      this.referNote = '';
      this.triage = null;
      this.confirmingCancel = false;
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('lf-close', { bubbles: true, composed: true }));
  }

  private service(): ServiceView | undefined {
    return this.services.find((candidate) => candidate.code === this.ticket.businessType);
  }

  private toggle(code: string, on: boolean): void {
    const next = new Set(this.ticked);
    if (on) next.add(code);
    else next.delete(code);
    this.ticked = next;
  }

  private async recordSignals(added: string[]): Promise<void> {
    const note = this.note.trim();
    const updated = await this.actions.run(
      'flag',
      `${t('recordObserved')} ${this.ticket.number}`,
      () => this.api.flag(this.ticket.id, added, note || undefined),
      (ticket) =>
        ticket.identification
          ? t('recordedVerdict', { verdict: t(`verdict-${ticket.identification.classification}`) })
          : null,
    );
    if (updated) {
      this.ticked = new Set();
      this.note = '';
    }
  }

  private async refer(customerHasTime: boolean): Promise<void> {
    const note = this.referNote.trim();
    const ticket = this.ticket;
    const referral = await this.actions.run(
      'callover',
      customerHasTime ? t('hasTimeYes') : t('hasTimeNo'),
      () => this.api.callover(ticket.id, { customerHasTime, ...(note ? { note } : {}) }),
      (result) => t('referredNumber', { who: ticket.number, rm: result.rm.displayName }),
    );
    if (referral) this.referNote = '';
  }

  private async move(queue: QueueView): Promise<void> {
    const ticket = this.ticket;
    const moved = await this.actions.run(
      'transfer',
      t('moveToQueue'),
      () => this.api.transfer(ticket.id, { queue: queue.code }),
      () => t('movedTo', { number: ticket.number, queue: pick(queue.name) }),
    );
    if (moved) this.close();
  }

  private async checkSelfService(): Promise<void> {
    const ticket = this.ticket;
    const triage = await this.actions.run('triage', t('redivertCheck'), () =>
      this.api.triage(this.branchId, {
        businessType: ticket.businessType,
        ...(ticket.amount !== null ? { amount: ticket.amount } : {}),
        ...(ticket.hasCard !== null ? { hasCard: ticket.hasCard } : {}),
      }),
    );
    if (triage) this.triage = triage;
  }

  private async redivert(): Promise<void> {
    const ticket = this.ticket;
    const done = await this.actions.run(
      'redivert',
      t('redivert'),
      () => this.api.redirectToSelfService(ticket.id, t(`redirect-${this.redirectReason}`)),
      () => t('rediverted', { number: ticket.number }),
    );
    if (done) this.close();
  }

  private async cancelTicket(): Promise<void> {
    const ticket = this.ticket;
    const cancelled = await this.actions.run(
      'cancel',
      t('cancelTicket'),
      () => this.api.cancel(ticket.id),
      () => t('cancelledNumber', { number: ticket.number }),
    );
    if (cancelled) this.close();
  }

  override render() {
    const ticket = this.ticket;
    const service = this.service();
    const band = ticket.amount !== null && service ? amountBandOf(ticket.amount, service.amountBands) : null;
    const amount =
      ticket.amount === null ? '' : band && service?.amountBands.length ? bandLabel(band) : money(ticket.amount);
    const { result, preview, added } = previewVerdict(ticket, this.ticked, this.settings?.identification ?? null);
    const busy = this.actions.busy;
    return html`<div class="scrim" @click=${(event: Event) => event.target === event.currentTarget && this.close()}>
      <div class="sheet" role="dialog" aria-modal="true" aria-label=${ticket.number}>
        <header>
          <span class="number">${ticket.number}</span>
          <span class="what">
            <strong>${service ? pick(service.name) : ticket.businessType}</strong>
            <span class="muted">${amount} ${t('waited')} ${duration(this.waitedSeconds)}</span>
          </span>
          <button @click=${() => this.close()}>${t('close')}</button>
        </header>
        <div class="body">
          <section>
            <div class="verdict">${verdictLine(result)}</div>
            ${preview ? html`<span class="preview">${t('previewNote')}</span>` : nothing}
            <ul class="reasons">
              ${(result?.reasons ?? []).map((reason) => html`<li><span>${pick(reason.text)}</span><span>${reason.weight ? `+${reason.weight}` : ''}</span></li>`)}
            </ul>
          </section>
          ${this.renderObserved(ticket, added)} ${this.renderReferral()} ${this.renderMove(ticket)}
          ${this.renderSelfService(ticket)} ${this.renderCancel(ticket, busy)}
        </div>
        <footer>${actionStatus(this.actions)}</footer>
      </div>
    </div>`;
  }

  private renderObserved(ticket: StaffTicketView, added: string[]) {
    const counted = countedSignals(ticket);
    const lobbySignals = (this.settings?.identification.signals ?? []).filter((signal) => signal.stage === 'lobby');
    return html`<section>
      <h3>${t('observedSignals')}</h3>
      ${signalChecks(lobbySignals, counted, this.ticked, (code, on) => this.toggle(code, on))}
      <input
        type="text"
        maxlength="200"
        placeholder=${t('noteForRm')}
        aria-label=${t('noteForRm')}
        .value=${this.note}
        @input=${(event: Event) => (this.note = (event.target as HTMLInputElement).value)}
      />
      <button
        class="primary"
        ?disabled=${this.actions.busy || added.length === 0}
        @click=${() => void this.recordSignals(added)}
      >
        ${t('recordObserved')}
      </button>
    </section>`;
  }

  private renderReferral() {
    return html`<section>
      <h3>${t('referTitle')} · ${t('hasTimeQuestion')}</h3>
      <input
        type="text"
        maxlength="200"
        placeholder=${t('referNote')}
        aria-label=${t('referNote')}
        .value=${this.referNote}
        @input=${(event: Event) => (this.referNote = (event.target as HTMLInputElement).value)}
      />
      <div class="row">
        <button ?disabled=${this.actions.busy} @click=${() => void this.refer(true)}>${t('hasTimeYes')}</button>
        <button ?disabled=${this.actions.busy} @click=${() => void this.refer(false)}>${t('hasTimeNo')}</button>
      </div>
    </section>`;
  }

  private renderMove(ticket: StaffTicketView) {
    if (!canTransition(ticket.status, 'transfer')) return nothing;
    return html`<section>
      <h3>${t('moveToQueue')}</h3>
      <div class="queues">
        ${this.queues
          .filter((queue) => queue.code !== ticket.queue)
          .map(
            (queue) =>
              html`<button ?disabled=${this.actions.busy} @click=${() => void this.move(queue)}>
                ${pick(queue.name)} ${queue.prefix}
              </button>`,
          )}
      </div>
    </section>`;
  }

  private renderSelfService(ticket: StaffTicketView) {
    if (ticket.status !== 'waiting') return nothing;
    const triage = this.triage;
    return html`<section>
      <h3>${t('redivert')}</h3>
      ${
        !triage
          ? html`<button ?disabled=${this.actions.busy} @click=${() => void this.checkSelfService()}>
              ${t('redivertCheck')}
            </button>`
          : triage.selfService
            ? html`<p class="advice">${pick(triage.advice)}</p>
                <div class="row" role="radiogroup" aria-label=${t('redirectWhy')}>
                  ${REDIRECT_REASONS.map(
                    (reason) =>
                      html`<button
                        role="radio"
                        aria-checked=${this.redirectReason === reason}
                        class=${this.redirectReason === reason ? 'chosen' : ''}
                        @click=${() => (this.redirectReason = reason)}
                      >
                        ${t(`redirect-${reason}`)}
                      </button>`,
                  )}
                </div>
                <button class="primary" ?disabled=${this.actions.busy} @click=${() => void this.redivert()}>
                  ${t('redivertConfirm')}
                </button>`
            : html`<p class="advice">${t('notSelfService', { advice: pick(triage.counterAdvice) })}</p>`
      }
    </section>`;
  }

  private renderCancel(ticket: StaffTicketView, busy: boolean) {
    if (!canTransition(ticket.status, 'cancel')) return nothing;
    return html`<section>
      ${
        this.confirmingCancel
          ? html`<div class="row">
              <button @click=${() => (this.confirmingCancel = false)}>${t('cancel')}</button>
              <button class="danger solid" ?disabled=${busy} @click=${() => void this.cancelTicket()}>
                ${t('confirmCancel', { number: ticket.number })}
              </button>
            </div>`
          : html`<button class="danger" ?disabled=${busy} @click=${() => (this.confirmingCancel = true)}>
              ${t('cancelTicket')}
            </button>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-ticket-sheet': TicketSheet;
  }
}

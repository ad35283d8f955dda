import type {
  BranchSettingsView,
  CustomerProfileView,
  IdentificationResult,
  ReferralView,
  ServiceView,
  SignalDefinition,
  StaffTicketView,
} from '@lobbyflow/contracts';
import { LocaleController, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../../shared/action-controller';
import { money } from '../../shared/format';
import { countedSignals, previewVerdict } from '../../shared/identification';
import { t } from '../../shared/messages';
import { ShortcutController, keyLabel } from '../../shared/shortcut-controller';
import { sharedStyles } from '../../shared/styles';
import { actionStatus, signalChecks, verdictBadge, verdictLine } from '../../shared/templates';
import { recommendationFor } from '../recommendations';
import { valuePanelStyles } from './value-panel.styles';

const RECORD_KEY = { code: 'KeyS', alt: true };
const HAS_TIME_KEY = { code: 'KeyY', alt: true };
const NO_TIME_KEY = { code: 'KeyN', alt: true };

/**
 * The value panel of the counter (及时办: 客户价值判定, domain.md §3 and §5 step 4): the verdict and its
 * reasons, what the kiosk raised, the known customer and, on request, their assets (an audited view),
 * the teller's own observations as ticks whose effect on the verdict shows at once (computed here with
 * libs/domain `identify()` on the branch's rules; the server re-evaluates when they are recorded and its
 * verdict is the one that counts), the referral to an RM, and the one sentence to recommend.
 */
@customElement('lf-value-panel')
export class ValuePanel extends LitElement {
  static override styles = [sharedStyles, valuePanelStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) ticket: StaffTicketView | null = null;
  @property({ attribute: false }) settings: BranchSettingsView | null = null;
  @property({ attribute: false }) services: ServiceView[] = [];

  @state() private ticked = new Set<string>();
  @state() private note = '';
  @state() private reason = '';
  @state() private profile: CustomerProfileView | null = null;
  @state() private referral: ReferralView | null = null;
  @state() private referNote = '';

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);
  protected readonly shortcuts = new ShortcutController(this, () => {
    const open = !!this.ticket && !this.actions.busy;
    return [
      { ...RECORD_KEY, enabled: open && this.newTicks().length > 0, run: () => void this.recordSignals() },
      { ...HAS_TIME_KEY, enabled: open && !this.referral, run: () => void this.refer(true) },
      { ...NO_TIME_KEY, enabled: open && !this.referral, run: () => void this.refer(false) },
    ];
  });

  override willUpdate(changed: Map<string, unknown>): void {
    const before = changed.get('ticket') as StaffTicketView | null | undefined;
    if (changed.has('ticket') && before?.id !== this.ticket?.id) {
      // A new customer: nothing of the previous one stays on screen.
      this.ticked = new Set();
      this.note = '';
      this.profile = null;
      this.referral = null;
      this.referNote = '';
      this.reason = this.ticket ? t('assetsReasonDefault', { number: this.ticket.number }) : '';
      this.actions.dismiss();
    }
  }

  private definition(code: string): SignalDefinition | undefined {
    return this.settings?.identification.signals.find((signal) => signal.code === code);
  }

  private signalName(code: string): string {
    const definition = this.definition(code);
    return definition ? pick(definition.reason) : code;
  }

  private newTicks(): string[] {
    return this.ticket ? previewVerdict(this.ticket, this.ticked, null).added : [];
  }

  private verdict(): { result: IdentificationResult | null; preview: boolean } {
    return this.ticket
      ? previewVerdict(this.ticket, this.ticked, this.settings?.identification ?? null)
      : { result: null, preview: false };
  }

  private toggle(code: string, on: boolean): void {
    const next = new Set(this.ticked);
    if (on) next.add(code);
    else next.delete(code);
    this.ticked = next;
  }

  private async recordSignals(): Promise<void> {
    const ticket = this.ticket;
    const signals = this.newTicks();
    if (!ticket || signals.length === 0) return;
    const note = this.note.trim();
    const updated = await this.actions.run(
      'flag',
      t('recordSignals'),
      () => this.api.flag(ticket.id, signals, note || undefined),
      (result) =>
        result.identification
          ? t('recordedVerdict', { verdict: t(`verdict-${result.identification.classification}`) })
          : null,
    );
    // The new verdict arrives with the live `vip.flagged` event, for this screen and the lobby manager's.
    if (updated) {
      this.ticked = new Set();
      this.note = '';
    }
  }

  private async viewAssets(): Promise<void> {
    const customer = this.ticket?.customer;
    if (!customer) return;
    const profile = await this.actions.run(
      'assets',
      t('viewAssets'),
      () => this.api.customer(customer.id, this.reason.trim()),
      () => t('assetsShown'),
    );
    if (profile) this.profile = profile;
  }

  private async refer(customerHasTime: boolean): Promise<void> {
    const ticket = this.ticket;
    if (!ticket) return;
    const note = this.referNote.trim();
    const referral = await this.actions.run(
      'callover',
      customerHasTime ? t('hasTimeYes') : t('hasTimeNo'),
      () => this.api.callover(ticket.id, { customerHasTime, ...(note ? { note } : {}) }),
      (result) => t('referredTo', { rm: result.rm.displayName, status: t(`referral-${result.status}`) }),
    );
    if (referral) this.referral = referral;
  }

  private tierName(code: string | null): string {
    if (!code) return t('unknown');
    for (const ladder of this.settings?.tierLadders ?? []) {
      const rung = ladder.rungs.find((candidate) => candidate.code === code);
      if (rung) return pick(rung.name);
    }
    return code;
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket) {
      return html`<h2>${t('valueTitle')}</h2>
        <p class="empty">${t('noTicket')}</p>`;
    }
    const { result, preview } = this.verdict();
    const service = this.services.find((candidate) => candidate.code === ticket.businessType);
    const classification = result?.classification ?? 'ordinary';
    return html`
      <section>
        <div class="verdict">
          <h2>${t('valueTitle')}</h2>
          ${verdictLine(result)}
        </div>
        ${preview ? html`<div class="preview">${t('previewNote')}</div>` : nothing}
        <ul class="reasons">
          ${(result?.reasons ?? []).map(
            (reason) =>
              html`<li>
                <span
                  >${pick(reason.text)}${
                    reason.notes?.length ? html`<span class="note">“${reason.notes.join('”，“')}”</span>` : nothing
                  }</span
                ><span class="weight">${reason.weight ? `+${reason.weight}` : ''}</span>
              </li>`,
          )}
        </ul>
        <blockquote aria-label=${t('recommendTitle')}>
          <small>${t('recommendTitle')}</small>
          ${pick(recommendationFor(service?.category ?? 'other', classification))}
        </blockquote>
      </section>
      <section>
        <dl class="facts">
          <dt>${t('kioskSignals')}</dt>
          <dd class="chips">
            ${
              ticket.signals.length
                ? ticket.signals.map((code) => html`<span class="badge">${this.signalName(code)}</span>`)
                : html`<span class="empty">${t('none')}</span>`
            }
          </dd>
          <dt>${t('customer')}</dt>
          <dd>${this.renderCustomer(ticket)}</dd>
        </dl>
      </section>
      ${this.renderSignals()} ${this.renderReferral(classification)} ${actionStatus(this.actions)}
    `;
  }

  private renderCustomer(ticket: StaffTicketView) {
    const customer = ticket.customer;
    if (!customer) return html`<span class="empty">${t('notIdentified')}</span>`;
    const profile = this.profile;
    const figure = (value: number | null) => (value === null ? t('unknown') : money(value));
    return html`<div class="customer">
      <div>
        ${customer.displayName ?? ''} <span class="masked">${customer.masked}</span>
        ${customer.tier ? html`<span class="badge">${this.tierName(customer.tier)}</span>` : nothing}
      </div>
      ${
        profile
          ? html`<dl class="assets">
              <dt>${t('monthlyAverageAssets')}</dt>
              <dd>${figure(profile.monthlyAverageAssets)}</dd>
              <dt>${t('loanBalance')}</dt>
              <dd>${figure(profile.loanBalance)}</dd>
              <dt>${t('cardSpend12m')}</dt>
              <dd>${figure(profile.cardSpend12m)}</dd>
              <dt>${t('starPoints')}</dt>
              <dd>${profile.starPoints ?? t('unknown')}</dd>
              <dt>${t('cardLevel')}</dt>
              <dd>${profile.cardLevel ?? t('unknown')}</dd>
              <dt>${t('ownRm')}</dt>
              <dd>${profile.rm?.displayName ?? t('unknown')}</dd>
              <dt>${t('segment')}</dt>
              <dd>${profile.segment ?? t('unknown')}</dd>
            </dl>`
          : html`<div class="row">
              <input
                type="text"
                aria-label=${t('assetsReason')}
                .value=${this.reason}
                @input=${(event: Event) => (this.reason = (event.target as HTMLInputElement).value)}
              />
              <button
                ?disabled=${this.actions.busy || this.reason.trim().length < 3}
                @click=${() => void this.viewAssets()}
              >
                ${t('viewAssets')}
              </button>
            </div>`
      }
    </div>`;
  }

  private renderSignals() {
    const tellerSignals = (this.settings?.identification.signals ?? []).filter((signal) => signal.stage === 'teller');
    const counted = this.ticket ? countedSignals(this.ticket) : new Set<string>();
    return html`<section>
      <h3>${t('yourSignals')}</h3>
      ${signalChecks(tellerSignals, counted, this.ticked, (code, on) => this.toggle(code, on))}
      <div class="row">
        <input
          type="text"
          maxlength="200"
          placeholder=${t('noteForRm')}
          aria-label=${t('noteForRm')}
          .value=${this.note}
          @input=${(event: Event) => (this.note = (event.target as HTMLInputElement).value)}
        />
        <button
          class="primary ${this.actions.isRunning('flag') ? 'pending' : ''}"
          ?disabled=${this.actions.busy || this.newTicks().length === 0}
          @click=${() => void this.recordSignals()}
        >
          ${t('recordSignals')} <kbd>${keyLabel(RECORD_KEY)}</kbd>
        </button>
      </div>
    </section>`;
  }

  private renderReferral(classification: IdentificationResult['classification']) {
    if (this.referral) {
      return html`<section class="refer">
        <h3>${t('referTitle')}</h3>
        <div class="referred" role="status">
          ✓ ${t('referredTo', { rm: this.referral.rm.displayName, status: t(`referral-${this.referral.status}`) })}
        </div>
      </section>`;
    }
    const worth = classification !== 'ordinary';
    return html`<section class="refer ${worth ? 'emphasis' : ''}">
      <h3>${t('referTitle')} ${worth ? verdictBadge(classification) : nothing}</h3>
      ${worth ? nothing : html`<span class="empty">${t('referHintOrdinary')}</span>`}
      <strong>${t('hasTimeQuestion')}</strong>
      <input
        type="text"
        maxlength="200"
        placeholder=${t('referNote')}
        aria-label=${t('referNote')}
        .value=${this.referNote}
        @input=${(event: Event) => (this.referNote = (event.target as HTMLInputElement).value)}
      />
      <div class="answers">
        <button class="${worth ? 'primary' : ''}" ?disabled=${this.actions.busy} @click=${() => void this.refer(true)}>
          ${t('hasTimeYes')} <kbd>${keyLabel(HAS_TIME_KEY)}</kbd>
        </button>
        <button ?disabled=${this.actions.busy} @click=${() => void this.refer(false)}>
          ${t('hasTimeNo')} <kbd>${keyLabel(NO_TIME_KEY)}</kbd>
        </button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-value-panel': ValuePanel;
  }
}

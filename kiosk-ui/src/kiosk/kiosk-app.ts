import type {
  AmountBand,
  BusinessCategory,
  ConfigArea,
  IssuedTicket,
  PriorityReason,
  ServiceView,
  TriageResult,
} from '@lobbyflow/contracts';
import {
  ApiError,
  configures,
  HallApi,
  KioskApi,
  type KioskRequest,
  LiveHallController,
  LocaleController,
  getLocale,
  pick,
  setLocale,
} from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import qrcode from 'qrcode-generator';
import { deviceKey } from '../shared/device-key';
import { icon } from './icons';
import { kioskStyles } from './kiosk-app.styles';
import { money, t } from './messages';

/** What an admin changes that the kiosk offers: thresholds (the amount bands) and business types. */
const OFFER_AREAS: ReadonlySet<ConfigArea> = new Set<ConfigArea>(['settings', 'business-types']);

/** Business groups as customers think of them, in the order they are offered. */
const GROUPS: { category: BusinessCategory; label: Parameters<typeof t>[0] }[] = [
  { category: 'cash', label: 'groupCash' },
  { category: 'bill', label: 'groupBill' },
  { category: 'transfer', label: 'groupTransfer' },
  { category: 'non-cash', label: 'groupNonCash' },
  { category: 'wealth', label: 'groupWealth' },
  { category: 'corporate', label: 'groupCorporate' },
  { category: 'other', label: 'groupOther' },
];
const PRIORITY_REASONS: { reason: PriorityReason; zh: string; en: string }[] = [
  { reason: 'elderly', zh: '老年人', en: 'Elderly' },
  { reason: 'disabled', zh: '残障人士', en: 'Disabled' },
  { reason: 'pregnant', zh: '孕妇', en: 'Pregnant' },
  { reason: 'with-infant', zh: '带婴幼儿', en: 'With a baby' },
];

type Step =
  | { name: 'home' }
  | { name: 'identify'; idKind: 'card' | 'phone' }
  | { name: 'choose'; category: BusinessCategory }
  | { name: 'card'; service: ServiceView }
  | { name: 'amount'; service: ServiceView; hasCard?: boolean }
  | { name: 'advice'; request: KioskRequest; triage: TriageResult }
  | { name: 'issuing' }
  | { name: 'ticket'; ticket: IssuedTicket }
  | { name: 'thanks' }
  | { name: 'failed' };

/** A key for one customer's ticket request, reused by every retry (works on plain-http kiosks too). */
function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `kiosk-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The ticket kiosk: business choice, only the questions that change the route, diversion advice with a
 * free choice, and the ticket with a QR code to the phone page. Returns to the start when left idle.
 */
@customElement('lf-kiosk')
export class KioskApp extends LitElement {
  static override styles = kioskStyles;

  @state() private step: Step = { name: 'home' };
  @state() private services: ServiceView[] = [];
  @state() private priority: PriorityReason | null = null;
  @state() private problem: 'needs-key' | null = null;
  /** The number entered for identification: kept only until this customer's ticket is issued. */
  @state() private customer: { idKind: 'card' | 'phone'; idNumber: string } | null = null;

  private readonly locale = new LocaleController(this);
  private readonly params = new URLSearchParams(location.search);
  private readonly idleSeconds = Number(this.params.get('idle') ?? 45);
  private readonly autoPrint = this.params.get('print') !== 'off';
  private key: string | null = null;
  private branchId = '';
  private api: KioskApi | null = null;
  private live: LiveHallController | null = null;
  /** An admin changed the offer while a customer was at the kiosk: read it when they are done. */
  private offerStale = false;
  private requestKey = newRequestKey();
  private issuing = false;
  private idleTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of ['pointerdown', 'keydown']) this.addEventListener(type, this.touched);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.idleTimer);
  }

  private async start(): Promise<void> {
    this.key = deviceKey();
    if (!this.key) {
      this.problem = 'needs-key';
      return;
    }
    const token = () => this.key;
    const me = await new HallApi('', token).whoAmI().catch(() => null);
    this.branchId = me?.branchId ?? this.params.get('branch') ?? 'demo';
    this.api = new KioskApi('', token);
    this.live = new LiveHallController(this, { baseUrl: '', branchId: this.branchId, token });
    // The offer is read with every fresh snapshot (again on a later change if that failed), and again when
    // an admin changes the business types or thresholds: at once on the start screen, else for the next
    // customer (the one at the kiosk finishes with the offer they started with).
    this.live.onSnapshot(() => void this.loadServices());
    this.live.onChange(() => {
      if (this.services.length === 0) void this.loadServices();
    });
    this.live.onEvent((event) => {
      if (!configures(event, OFFER_AREAS)) return;
      if (this.step.name === 'home') void this.loadServices();
      else this.offerStale = true;
    });
  }

  /** A failed read keeps the offer the kiosk has (none at first: the next change of the hall reads again). */
  private async loadServices(): Promise<void> {
    this.services = (await this.api?.services(this.branchId).catch(() => null)) ?? this.services;
  }

  private touched = (): void => {
    clearTimeout(this.idleTimer);
    const seconds =
      this.step.name === 'ticket' || this.step.name === 'thanks' ? Math.min(30, this.idleSeconds) : this.idleSeconds;
    this.idleTimer = setTimeout(() => this.reset(), seconds * 1000);
  };

  private reset(): void {
    if (this.offerStale) {
      this.offerStale = false;
      void this.loadServices();
    }
    this.step = { name: 'home' };
    this.priority = null;
    this.customer = null;
    this.requestKey = newRequestKey();
  }

  private go(step: Step): void {
    this.step = step;
    this.touched();
  }

  private get offline(): boolean {
    return !!this.live && (this.live.status === 'offline' || this.live.status === 'refused');
  }

  override render() {
    const hall = this.live?.state;
    const other = this.locale.locale === 'zh' ? 'en' : 'zh';
    return html`
      <header>
        <h1>
          ${t('welcome')} ${hall ? pick(hall.branchName) : ''}
          <small>${t('chooseBusiness')}</small>
        </h1>
        <button class="lang" @click=${() => setLocale(other)}>${other === 'en' ? 'English' : '中文'}</button>
      </header>
      ${this.offline ? html`<div class="banner" role="alert">${t('offline')}</div>` : nothing}
      <main>${this.problem === 'needs-key' ? html`<p class="notice">${t('needsKey')}</p>` : this.renderStep()}</main>
    `;
  }

  private renderStep() {
    const step = this.step;
    switch (step.name) {
      case 'home':
        return this.renderHome();
      case 'identify':
        return this.renderIdentify(step.idKind);
      case 'choose':
        return html`<h2>${t('whichOne')}</h2>
          <div class="grid">
            ${this.servicesIn(step.category).map(
              (service) =>
                html`<button class="choice" @click=${() => this.pickService(service)}>${pick(service.name)}</button>`,
            )}
          </div>
          ${this.backButton()}`;
      case 'card':
        return html`<div class="panel">
            <h2>${t('haveCard')}</h2>
            <div class="actions">
              <button class="choice primary" @click=${() => this.answerCard(step.service, true)}>${t('yes')}</button>
              <button class="choice" @click=${() => this.answerCard(step.service, false)}>${t('no')}</button>
            </div>
          </div>
          ${this.backButton()}`;
      case 'amount':
        return html`<div class="panel">
            <h2>${t('howMuch')}</h2>
            <div class="grid">
              ${step.service.amountBands.map(
                (band) =>
                  html`<button
                    class="choice"
                    @click=${() => void this.route({ businessType: step.service.code, hasCard: step.hasCard, amount: band.amount })}
                  >
                    ${this.bandLabel(band)}
                  </button>`,
              )}
            </div>
          </div>
          ${this.backButton()}`;
      case 'advice':
        return html`<div class="panel">
          <h2>${t('faster')}</h2>
          <p class="advice">${pick(step.triage.advice)}</p>
          <div class="actions">
            <button
              class="choice primary"
              ?disabled=${this.offline}
              @click=${() => void this.acceptMachine(step.request)}
            >
              ${t('useMachine')}
            </button>
            <button class="choice" ?disabled=${this.offline} @click=${() => void this.issue(step.request, true)}>
              ${t('stillTicket')}
            </button>
          </div>
        </div>`;
      case 'issuing':
        return html`<p class="notice" role="status">${t('working')}</p>`;
      case 'ticket':
        return this.renderTicket(step.ticket);
      case 'thanks':
        return html`<div class="panel">
          <p class="advice">${t('thanks')}</p>
          <button class="choice primary" @click=${() => this.reset()}>${t('done')}</button>
        </div>`;
      case 'failed':
        return html`<div class="panel" role="alert">
          <p class="advice">${t('failed')}</p>
          ${this.backButton()}
        </div>`;
    }
  }

  private renderHome() {
    const hall = this.live?.state;
    const groups = GROUPS.filter((group) => this.servicesIn(group.category).length > 0);
    return html`
      <div class="priority" role="group" aria-label=${t('priority')}>
        <span>${this.priority ? t('priorityOn') : t('priority')}</span>
        ${PRIORITY_REASONS.map(
          (option) =>
            html`<button
              aria-pressed=${this.priority === option.reason ? 'true' : 'false'}
              @click=${() => (this.priority = this.priority === option.reason ? null : option.reason)}
            >
              ${getLocale() === 'zh' ? option.zh : option.en}
            </button>`,
        )}
      </div>
      <button class="identify" @click=${() => this.go({ name: 'identify', idKind: 'card' })}>
        ${this.customer ? `✓ ${t('identified', { last4: this.customer.idNumber.slice(-4) })}` : t('identify')}
      </button>
      <div class="grid">
        ${groups.map(
          (group) =>
            html`<button class="tile" ?disabled=${this.offline} @click=${() => this.pickGroup(group.category)}>
              ${icon(group.category)}<span>${t(group.label)}</span>
            </button>`,
        )}
      </div>
      <div class="queues">
        ${hall?.queues.map(
          (queue) =>
            html`<span
              >${pick(queue.name)} ${queue.prefix} ·
              ${queue.waiting ? t('waitAbout', { minutes: queue.estimatedWaitMinutes }) : t('noWait')}</span
            >`,
        )}
      </div>
    `;
  }

  private renderTicket(ticket: IssuedTicket) {
    const link = `${location.origin}/t/${ticket.token}`;
    const qr = qrcode(0, 'M');
    qr.addData(link);
    qr.make();
    const queue = this.live?.state?.queues.find((candidate) => candidate.code === ticket.queue);
    return html`<div class="panel">
      <div class="ticket">
        <div>
          <div>${t('yourNumber')}</div>
          <div class="number">${ticket.number}</div>
          <div class="facts">${queue ? pick(queue.name) : ticket.queue}</div>
          <div class="facts">
            ${
              ticket.ahead === 0
                ? t('noWait')
                : `${t('ahead', { count: ticket.ahead })} · ${t('waitEstimate', { minutes: ticket.estimatedWaitMinutes })}`
            }
          </div>
          <p class="advice">${pick(ticket.advice)}</p>
        </div>
        <div class="qr">
          <img alt="QR" src=${qr.createDataURL(6, 2)} />
          <div>${t('scan')}</div>
        </div>
      </div>
      <div class="actions">
        <button class="choice" @click=${() => this.print()}>${t('print')}</button>
        <button class="choice primary" @click=${() => this.reset()}>${t('done')}</button>
      </div>
    </div>`;
  }

  private renderIdentify(idKind: 'card' | 'phone') {
    const submit = (event: Event) => {
      event.preventDefault();
      const input = this.renderRoot.querySelector<HTMLInputElement>('#id-number');
      const idNumber = (input?.value ?? '').replace(/[^0-9Xx]/g, '');
      this.customer = idNumber ? { idKind, idNumber } : null;
      this.go({ name: 'home' });
    };
    return html`<form class="panel" @submit=${submit}>
      <h2>${t('identify')}</h2>
      <p>${t('identifyWhy')}</p>
      <div class="actions">
        ${(['card', 'phone'] as const).map(
          (kind) =>
            html`<button
              type="button"
              class="choice ${kind === idKind ? 'primary' : ''}"
              @click=${() => this.go({ name: 'identify', idKind: kind })}
            >
              ${t(kind)}
            </button>`,
        )}
      </div>
      <label class="field"
        >${t('numberLabel')}
        <input id="id-number" inputmode="numeric" autocomplete="off" autofocus maxlength="24" />
      </label>
      <div class="actions">
        <button type="button" class="choice" @click=${() => this.go({ name: 'home' })}>${t('skip')}</button>
        <button type="submit" class="choice primary">${t('confirm')}</button>
      </div>
    </form>`;
  }

  private backButton() {
    return html`<button class="back" @click=${() => this.reset()}>← ${t('back')}</button>`;
  }

  private bandLabel(band: AmountBand): string {
    const locale = getLocale();
    if (band.above === null) return t('upTo', { upTo: money(band.upTo as number, locale) });
    if (band.upTo === null) return t('above', { above: money(band.above, locale) });
    return t('between', { above: money(band.above, locale), upTo: money(band.upTo, locale) });
  }

  private servicesIn(category: BusinessCategory): ServiceView[] {
    return this.services.filter((service) => service.category === category);
  }

  private pickGroup(category: BusinessCategory): void {
    const services = this.servicesIn(category);
    if (services.length === 1) this.pickService(services[0]);
    else this.go({ name: 'choose', category });
  }

  private pickService(service: ServiceView): void {
    this.requestKey = newRequestKey();
    if (service.asksCard) this.go({ name: 'card', service });
    else if (service.asksAmount && service.amountBands.length) this.go({ name: 'amount', service });
    else void this.route({ businessType: service.code });
  }

  private answerCard(service: ServiceView, hasCard: boolean): void {
    if (service.asksAmount && service.amountBands.length) this.go({ name: 'amount', service, hasCard });
    else void this.route({ businessType: service.code, hasCard });
  }

  /** Asks where the business goes; advice first when a faster channel exists, else the ticket. */
  private async route(request: KioskRequest): Promise<void> {
    if (!this.api) return;
    this.go({ name: 'issuing' });
    try {
      const triage = await this.api.triage(this.branchId, request);
      if (triage.selfService) this.go({ name: 'advice', request, triage });
      else await this.issue(request, false);
    } catch {
      this.go({ name: 'failed' });
    }
  }

  private async acceptMachine(request: KioskRequest): Promise<void> {
    await this.api?.acceptAdvice(this.branchId, request, this.requestKey).catch(() => undefined);
    this.go({ name: 'thanks' });
  }

  /** Issues the ticket; a retry (or a second tap) reuses the key, so it never makes two tickets. */
  private async issue(request: KioskRequest, declinedAdvice: boolean): Promise<void> {
    // A double tap arrives while the first request is on its way: it is not sent again.
    if (!this.api || this.issuing) return;
    this.issuing = true;
    this.go({ name: 'issuing' });
    const body = {
      ...request,
      ...(this.priority ? { priority: 'priority' as const, priorityReason: this.priority } : {}),
      ...(declinedAdvice ? { declinedAdvice: true } : {}),
      ...(this.customer ? { customer: this.customer } : {}),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const ticket = await this.api.issue(this.branchId, body, this.requestKey);
        this.issuing = false;
        this.go({ name: 'ticket', ticket });
        if (this.autoPrint) await this.updateComplete.then(() => this.print());
        return;
      } catch (error) {
        // Only a lost connection is retried; a refusal is final.
        if (!(error instanceof ApiError) || error.code !== 'NETWORK') break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    this.issuing = false;
    this.go({ name: 'failed' });
  }

  /** Prints through the browser (a kiosk runs Chrome with --kiosk-printing); the ticket stays on screen. */
  private print(): void {
    try {
      window.print();
    } catch {
      // The ticket and its QR code stay on screen: no ghost ticket.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-kiosk': KioskApp;
  }
}

import type { BranchSettingsView, CounterView, QueueView, ServiceView, StaffTicketView } from '@lobbyflow/contracts';
import { canTransition } from '@lobbyflow/domain';
import { type LiveHallController, LocaleController, ServerClock, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type StaffSession, rememberCounter } from '../app/session';
import { ActionController } from '../shared/action-controller';
import { amountBandOf, bandLabel, clockTime, duration, estimate, money, timer } from '../shared/format';
import { t } from '../shared/messages';
import { type Shortcut, ShortcutController, keyLabel } from '../shared/shortcut-controller';
import '../shared/staff-header/staff-header';
import { SessionEndController } from '../shared/session-end-controller';
import { openStaffHall, SecondTicker } from '../shared/staff-hall';
import { sharedStyles } from '../shared/styles';
import { actionStatus, verdictBadge } from '../shared/templates';
import { recommendationFor } from './recommendations';
import { STEPS, activeSteps } from './seven-steps';
import { tellerViewStyles } from './teller-view.styles';
import './value-panel/value-panel';
import { BranchConfig } from '../shared/branch-config';

/** The counter's keys. Function keys for the five moves of every visit, Alt+letter for the rest. */
const KEYS = {
  callNext: { code: 'F1' },
  recall: { code: 'F2' },
  start: { code: 'F3' },
  finish: { code: 'F4' },
  // Kept away from F4 so that a slip never closes a visit as a no-show (F5 reloads the page, F6/F7 are
  // the browser's).
  noShow: { code: 'F8' },
  callNumber: { code: 'KeyC', alt: true },
  transfer: { code: 'KeyT', alt: true },
  park: { code: 'KeyK', alt: true },
  returnToQueue: { code: 'KeyR', alt: true },
  pause: { code: 'KeyP', alt: true },
  askRating: { code: 'KeyE', alt: true },
} as const;

const DIGITS = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9'];

type Dialog = 'finish' | 'transfer' | 'park' | 'pause' | 'call';

/** How many waiting tickets "next up" lists. */
const NEXT_UP = 6;

/**
 * The teller's counter (desktop, 1366x768 and up), built around the seven steps of domain.md §5: call,
 * greet, tell the customer how long it usually takes, handle and judge value (the value panel), hand back,
 * recommend and ask for a rating, see off. Keyboard first: every action has its key, printed on its button.
 * The live hall comes from LiveHallController (staff JWT in the socket handshake), so the screen follows
 * the branch without reloads and catches up after a reconnect.
 */
@customElement('lf-teller-view')
export class TellerView extends LitElement {
  static override styles = [sharedStyles, tellerViewStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) session!: StaffSession;

  /** The branch's settings and business types, read again when an admin changes them. */
  private config: BranchConfig | null = null;
  private get settings(): BranchSettingsView | null {
    return this.config?.settings ?? null;
  }
  private get services(): ServiceView[] {
    return this.config?.services ?? [];
  }
  @state() private dialog: Dialog | null = null;
  /** Business codes ticked in the finish dialog. */
  @state() private businessDone = new Set<string>();
  @state() private numberToCall = '';
  /** The number just finished: step 7 (see the customer off) until the next call. */
  @state() private justFinished: string | null = null;
  /** The visit just finished, until the next call: the teller may still ask for its rating. */
  @state() private finishedTicket: StaffTicketView | null = null;
  /** Re-renders every second: waiting and service times, the recall countdown. */

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);
  private readonly clock = new ServerClock();
  private live: LiveHallController | null = null;
  protected readonly sessionEnd = new SessionEndController(this, () => this.live);
  protected readonly ticker = new SecondTicker(this);
  private rememberedCounter: string | null = null;

  protected readonly shortcuts = new ShortcutController(this, () => this.keys());

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.live) {
      this.live = openStaffHall(this, this.session, this.clock);
      this.config = new BranchConfig(this, this.api, this.session.user.branchId);
      this.config.follow(this.live);
      // A finished visit has left the hall's lists: its rating arrives only as an event.
      this.live.onEvent((event) => {
        const rated = event.type === 'ticket.rating.requested' || event.type === 'ticket.rated';
        if (rated && 'businessType' in event.ticket && event.ticket.id === this.finishedTicket?.id) {
          this.finishedTicket = event.ticket;
        }
      });
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('dialog') && this.dialog === 'call') {
      this.renderRoot.querySelector<HTMLInputElement>('#call-number')?.focus();
    }
    // The counter this teller works at today: signing in again after the session expired returns here.
    const code = this.counter?.code;
    if (code && code !== this.rememberedCounter) {
      rememberCounter(this.session.user.username, code);
      this.rememberedCounter = code;
    }
  }

  // What the screen shows, from the live hall

  private get counter(): CounterView | null {
    return this.live?.state?.counters.find((counter) => counter.id === this.session.user.counterId) ?? null;
  }

  private get current(): StaffTicketView | null {
    const counterId = this.session.user.counterId;
    const ticket = this.live?.state?.nowServing.find(
      (candidate) => (candidate as StaffTicketView).counterId === counterId,
    );
    return (ticket as StaffTicketView | undefined) ?? null;
  }

  private myQueues(counter: CounterView): QueueView[] {
    const served = new Set(counter.queues.map((entry) => entry.queue));
    return (this.live?.state?.queues ?? []).filter((queue) => served.has(queue.code));
  }

  /** Who this counter may call: parked for me, sent here, then its queues in queue order. */
  private callable(counter: CounterView): { ticket: StaffTicketView; tag: string | null }[] {
    const hall = this.live?.state;
    if (!hall) return [];
    const served = new Set(counter.queues.map((entry) => entry.queue));
    const parked = (hall.parked as StaffTicketView[])
      .filter((ticket) => ticket.parkedFor === this.session.user.id)
      .map((ticket) => ({ ticket, tag: t('parkedForMe') }));
    const waiting = (hall.waiting as StaffTicketView[])
      .filter((ticket) => (ticket.targetCounterId ? ticket.targetCounterId === counter.id : served.has(ticket.queue)))
      .map((ticket) => ({ ticket, tag: ticket.targetCounterId ? t('sentHere') : null }));
    return [...parked, ...waiting.filter((entry) => entry.tag), ...waiting.filter((entry) => !entry.tag)];
  }

  private service(code: string): ServiceView | undefined {
    return this.services.find((candidate) => candidate.code === code);
  }

  private businessName(code: string): string {
    const service = this.service(code);
    return service ? pick(service.name) : code;
  }

  private recallWait(ticket: StaffTicketView): number {
    const delay = this.settings?.lifecycle.recallDelaySeconds ?? 0;
    return Math.max(0, delay - this.clock.secondsSince(ticket.calledAt));
  }

  private recallsBeforeNoShow(ticket: StaffTicketView): number {
    return Math.max(0, (this.settings?.lifecycle.noShowAfterRecalls ?? 0) - ticket.recallCount);
  }

  // Commands

  /** Runs a command and learns the server's time from the ticket it answers. */
  private async command(
    name: string,
    label: string,
    work: () => Promise<StaffTicketView | null>,
    describe?: (ticket: StaffTicketView | null) => string | null,
  ): Promise<StaffTicketView | null | undefined> {
    const result = await this.actions.run(name, label, work, describe);
    if (result) this.clock.observe(result.calledAt ?? result.startedAt ?? result.finishedAt);
    return result;
  }

  private async callNext(): Promise<void> {
    const counter = this.counter;
    if (!counter) return;
    const called = await this.command(
      'callNext',
      t('callNext'),
      () => this.api.callNext(counter.id),
      (ticket) => (ticket ? t('calledNumber', { number: ticket.number }) : t('nobodyWaiting')),
    );
    if (called) this.seeOff();
  }

  /** The next customer is called: the last visit is over for this screen (its rating request too). */
  private seeOff(): void {
    this.justFinished = null;
    this.finishedTicket = null;
  }

  private async call(ticket: StaffTicketView): Promise<void> {
    const called = await this.command(
      'call',
      t('callThis'),
      () => this.api.call(ticket.id),
      () => t('calledNumber', { number: ticket.number }),
    );
    if (called) {
      this.seeOff();
      this.dialog = null;
      this.numberToCall = '';
    }
  }

  private async callByNumber(): Promise<void> {
    const counter = this.counter;
    const number = this.numberToCall.trim().toUpperCase();
    const entry = counter && this.callable(counter).find((candidate) => candidate.ticket.number === number);
    if (entry) {
      await this.call(entry.ticket);
      return;
    }
    await this.actions.run('call', t('callNumber'), () => Promise.reject(new Error(t('noSuchTicket', { number }))));
  }

  private async onTicket(
    name: 'recall' | 'start' | 'noShow' | 'returnToQueue',
    ticket: StaffTicketView,
  ): Promise<void> {
    const work = {
      recall: () => this.api.recall(ticket.id),
      start: () => this.api.start(ticket.id),
      noShow: () => this.api.noShow(ticket.id),
      returnToQueue: () => this.api.returnToQueue(ticket.id),
    }[name];
    await this.command(name, `${t(name)} ${ticket.number}`, work);
  }

  private openFinish(ticket: StaffTicketView): void {
    this.businessDone = new Set(ticket.businessDone.length ? ticket.businessDone : [ticket.businessType]);
    this.dialog = 'finish';
  }

  private async finish(ticket: StaffTicketView): Promise<void> {
    if (this.businessDone.size === 0) return;
    const done = await this.command(
      'finish',
      t('finish'),
      () => this.api.finish(ticket.id, [...this.businessDone]),
      () => t('finishedNumber', { number: ticket.number }),
    );
    if (done) {
      this.dialog = null;
      this.justFinished = ticket.number;
      this.finishedTicket = done;
    }
  }

  /** The visit whose rating the teller may ask for: the one being served, or the one just finished. */
  private get ratingTicket(): StaffTicketView | null {
    const current = this.current;
    if (current) return current.status === 'serving' ? current : null;
    return this.finishedTicket;
  }

  /** Step 6: the customer rates the visit on the counter's pad (or the phone page), never the teller. */
  private async askRating(ticket: StaffTicketView): Promise<void> {
    const asked = await this.command('askRating', t('askRating'), () => this.api.requestRating(ticket.id));
    if (asked && asked.status === 'done') this.finishedTicket = asked;
  }

  private async transfer(
    ticket: StaffTicketView,
    target: { queue?: string; counterId?: string },
    label: string,
  ): Promise<void> {
    const moved = await this.command('transfer', `${t('transfer')} ${ticket.number} → ${label}`, () =>
      this.api.transfer(ticket.id, target),
    );
    if (moved) this.dialog = null;
  }

  private async park(ticket: StaffTicketView, staff: { id: string; displayName: string }): Promise<void> {
    const parked = await this.command('park', `${t('park')} ${ticket.number} → ${staff.displayName}`, () =>
      this.api.park(ticket.id, staff.id),
    );
    if (parked) this.dialog = null;
  }

  private async pause(reason: string): Promise<void> {
    const counter = this.counter;
    if (!counter) return;
    const paused = await this.actions.run('pause', t('pause'), () => this.api.pause(counter.id, reason));
    if (paused) this.dialog = null;
  }

  private async resume(): Promise<void> {
    const counter = this.counter;
    if (counter) await this.actions.run('resume', t('resume'), () => this.api.resume(counter.id));
  }

  // Keys

  /** The keys in effect: a dialog's own while one is open, else the counter's. */
  private keys(): Shortcut[] {
    return this.dialog ? this.dialogKeys(this.counter, this.current) : Object.values(this.counterKeys());
  }

  /** Each counter action with its key, whether it is possible now, and what it does. */
  private counterKeys(): Record<keyof typeof KEYS, Shortcut> {
    const counter = this.counter;
    const ticket = this.current;
    // A command is offered when the state allows it and the same command is not on its way already.
    const idle = (name: string) => !this.actions.isRunning(name);
    const open = counter?.status === 'open';
    const status = ticket?.status;
    return {
      callNext: { ...KEYS.callNext, enabled: idle('callNext') && open && !ticket, run: () => void this.callNext() },
      recall: {
        ...KEYS.recall,
        enabled: idle('recall') && status === 'called' && !!ticket && this.recallWait(ticket) === 0,
        run: () => ticket && void this.onTicket('recall', ticket),
      },
      start: {
        ...KEYS.start,
        enabled: idle('start') && status === 'called',
        run: () => ticket && void this.onTicket('start', ticket),
      },
      finish: {
        ...KEYS.finish,
        enabled: idle('finish') && status === 'serving',
        run: () => ticket && this.openFinish(ticket),
      },
      noShow: {
        ...KEYS.noShow,
        enabled: idle('noShow') && status === 'called' && !!ticket && this.recallsBeforeNoShow(ticket) === 0,
        run: () => ticket && void this.onTicket('noShow', ticket),
      },
      callNumber: { ...KEYS.callNumber, enabled: idle('call') && open && !ticket, run: () => (this.dialog = 'call') },
      transfer: {
        ...KEYS.transfer,
        enabled: idle('transfer') && !!status && canTransition(status, 'transfer'),
        run: () => (this.dialog = 'transfer'),
      },
      park: {
        ...KEYS.park,
        enabled: idle('park') && !!status && canTransition(status, 'park'),
        run: () => (this.dialog = 'park'),
      },
      returnToQueue: {
        ...KEYS.returnToQueue,
        enabled: idle('returnToQueue') && status === 'called',
        run: () => ticket && void this.onTicket('returnToQueue', ticket),
      },
      pause: {
        ...KEYS.pause,
        enabled: idle('pause') && idle('resume') && !ticket && !!counter && counter.status !== 'closed',
        run: () => (counter?.status === 'paused' ? void this.resume() : (this.dialog = 'pause')),
      },
      askRating: {
        ...KEYS.askRating,
        enabled: idle('askRating') && !!this.ratingTicket && !this.ratingTicket.rating,
        run: () => this.ratingTicket && void this.askRating(this.ratingTicket),
      },
    };
  }

  /** In a dialog: digits pick (or tick) an option, Enter confirms, Escape closes. */
  private dialogKeys(counter: CounterView | null, ticket: StaffTicketView | null): Shortcut[] {
    const close: Shortcut = { code: 'Escape', enabled: true, run: () => (this.dialog = null) };
    const free = !this.actions.isRunning(this.dialog ?? '');
    const options = this.dialogOptions(counter, ticket);
    const picks = options.slice(0, DIGITS.length).map((option, index) => ({
      code: DIGITS[index],
      // Ticking business in the finish dialog is no command; picking a target or a reason is one.
      enabled: this.dialog === 'finish' || free,
      run: option.run,
    }));
    if (this.dialog === 'finish' && ticket) {
      return [
        close,
        ...picks,
        { code: 'Enter', enabled: free && this.businessDone.size > 0, run: () => void this.finish(ticket) },
      ];
    }
    return [close, ...picks];
  }

  /** The options of the open dialog, in the order their digits are printed. */
  private dialogOptions(
    counter: CounterView | null,
    ticket: StaffTicketView | null,
  ): { label: string; run: () => void }[] {
    const hall = this.live?.state;
    if (!hall) return [];
    switch (this.dialog) {
      case 'finish':
        return this.services.map((service) => ({
          label: pick(service.name),
          run: () => {
            const next = new Set(this.businessDone);
            if (next.has(service.code)) next.delete(service.code);
            else next.add(service.code);
            this.businessDone = next;
          },
        }));
      case 'transfer': {
        if (!ticket) return [];
        const queues = hall.queues
          .filter((queue) => queue.code !== ticket.queue)
          .map((queue) => ({
            label: `${pick(queue.name)} ${queue.prefix}`,
            run: () => void this.transfer(ticket, { queue: queue.code }, pick(queue.name)),
          }));
        const counters = hall.counters
          .filter((other) => other.id !== counter?.id && other.status !== 'closed')
          .map((other) => ({
            label: pick(other.name),
            run: () => void this.transfer(ticket, { counterId: other.id }, pick(other.name)),
          }));
        return [...queues, ...counters];
      }
      case 'park':
        if (!ticket) return [];
        return this.parkTargets().map((staff) => ({ label: staff.label, run: () => void this.park(ticket, staff) }));
      case 'pause':
        return (this.settings?.pauseReasons ?? []).map((reason) => ({
          label: pick(reason.name),
          run: () => void this.pause(reason.code),
        }));
      default:
        return [];
    }
  }

  /** Staff a ticket can wait for: RMs, and tellers signed in at other counters. */
  private parkTargets(): { id: string; displayName: string; label: string }[] {
    const hall = this.live?.state;
    if (!hall) return [];
    const rms = hall.rms.map((rm) => ({
      id: rm.id,
      displayName: rm.displayName,
      label: `${rm.displayName} · ${t(`rm-${rm.presence}`)}`,
    }));
    const tellers = hall.counters.flatMap((counter) => {
      const staff = counter.staff;
      if (!staff || staff.id === this.session.user.id || rms.some((rm) => rm.id === staff.id)) return [];
      return [{ id: staff.id, displayName: staff.displayName, label: `${staff.displayName} · ${pick(counter.name)}` }];
    });
    return [...rms, ...tellers];
  }

  // Rendering

  override render() {
    const hall = this.live?.state;
    const counter = this.counter;
    const ticket = this.current;
    return html`
      <lf-staff-header
        heading=${counter ? pick(counter.name) : t('role-teller')}
        subheading=${hall ? pick(hall.branchName) : ''}
        .user=${this.session.user}
        live=${this.live?.status ?? 'connecting'}
        clock=${hall ? clockTime(this.clock.now(), hall.timeZone) : ''}
      >
        ${counter ? this.renderCounterState(counter) : nothing}
      </lf-staff-header>
      ${this.live?.status === 'offline' ? html`<div class="banner" role="alert">${t('offlineBanner')}</div>` : nothing}
      ${
        hall && counter
          ? html`<main>
              <section class="serve">
                ${this.renderSteps(ticket)}
                <div class="ticket card">${ticket ? this.renderTicket(ticket) : this.renderEmpty(counter)}</div>
                ${this.renderKeys(counter, ticket)} ${actionStatus(this.actions)}
              </section>
              <lf-value-panel
                class="card"
                .api=${this.api}
                .ticket=${ticket}
                .settings=${this.settings}
                .services=${this.services}
              ></lf-value-panel>
              ${this.renderQueues(counter, ticket)}
            </main>`
          : html`<main><p class="muted">${hall ? t('notAtCounter') : t('loading')}</p></main>`
      }
      ${this.dialog ? this.renderDialog(counter, ticket) : nothing}
    `;
  }

  private renderCounterState(counter: CounterView) {
    const reason = this.settings?.pauseReasons.find((candidate) => candidate.code === counter.pauseReason);
    const text =
      counter.status === 'paused'
        ? t('counterPaused', { reason: reason ? pick(reason.name) : (counter.pauseReason ?? '') })
        : counter.status === 'open'
          ? t('counterOpen')
          : t('counterClosed');
    return html`<span class="counter-state ${counter.status}">${text}</span>`;
  }

  private renderSteps(ticket: StaffTicketView | null) {
    const active = activeSteps({
      current: ticket,
      finishing: this.dialog === 'finish',
      justFinished: this.justFinished,
    });
    return html`<ol class="steps" aria-label=${t('stepsTitle')}>
      ${STEPS.map(
        (step) =>
          html`<li
            class=${active.includes(step.step) ? 'active' : ''}
            aria-current=${active.includes(step.step) ? 'step' : 'false'}
          >
            <b>${step.step}</b>${t(step.name)}
          </li>`,
      )}
    </ol>`;
  }

  private stepHints(ticket: StaffTicketView | null) {
    const active = activeSteps({
      current: ticket,
      finishing: this.dialog === 'finish',
      justFinished: this.justFinished,
    });
    const minutes = ticket ? (this.service(ticket.businessType)?.typicalServiceMinutes ?? '—') : '—';
    return html`<ul class="hints">
      ${STEPS.filter((step) => active.includes(step.step)).map(
        (step) =>
          html`<li>
            <b>${step.step} ${t(step.name)}</b>${t(step.hint, { minutes, number: this.justFinished ?? '' })}
          </li>`,
      )}
    </ul>`;
  }

  private renderEmpty(counter: CounterView) {
    return html`<div class="empty">
        <strong>${t('noTicket')}</strong>
        <span>${counter.status === 'paused' ? t('pausedHint') : t('pressToCall')}</span>
        ${
          counter.status === 'paused'
            ? html`<button
                class="primary"
                ?disabled=${this.actions.isRunning('resume')}
                @click=${() => void this.resume()}
              >
                ${t('resume')} <kbd>${keyLabel(KEYS.pause)}</kbd>
              </button>`
            : nothing
        }
      </div>
      ${this.finishedTicket ? this.renderRating(this.finishedTicket) : nothing} ${this.stepHints(null)}`;
  }

  /**
   * The rating of a visit (step 6): the button that asks, then the window counting down, then the
   * customer's answer, which the teller sees but can never give.
   */
  private renderRating(ticket: StaffTicketView) {
    const rating = ticket.rating;
    if (!rating) {
      const key = this.counterKeys().askRating;
      return html`<div class="rating">
        <span>${t('ratingInvite')}</span>
        <button
          class="${this.actions.isRunning('askRating') ? 'pending' : ''}"
          ?disabled=${!key.enabled}
          @click=${key.run}
        >
          ${t('askRating')} <kbd>${keyLabel(KEYS.askRating)}</kbd>
        </button>
      </div>`;
    }
    if (rating.grade) {
      return html`<div class="rating rated ${rating.grade}" role="status">
        ${t('ratingGiven', { grade: t(`grade-${rating.grade}`) })}
      </div>`;
    }
    const seconds = Math.ceil((Date.parse(rating.expiresAt) - this.clock.now()) / 1000);
    return html`<div class="rating waiting" role="status">
      ${seconds > 0 ? t('ratingWaiting', { seconds }) : t('ratingNone')}
    </div>`;
  }

  private renderTicket(ticket: StaffTicketView) {
    const service = this.service(ticket.businessType);
    const band = ticket.amount !== null && service ? amountBandOf(ticket.amount, service.amountBands) : null;
    const amount =
      ticket.amount === null
        ? t('unknown')
        : band && service?.amountBands.length
          ? bandLabel(band)
          : money(ticket.amount);
    const card = ticket.hasCard === null ? '' : ` · ${ticket.hasCard ? t('withCard') : t('noCard')}`;
    const waitedSeconds = ticket.calledAt
      ? Math.max(0, Math.floor((Date.parse(ticket.calledAt) - Date.parse(ticket.queuedAt)) / 1000))
      : 0;
    const serviceSeconds = this.clock.secondsSince(ticket.calledAt);
    const typical = service?.typicalServiceMinutes ?? null;
    const recallWait = this.recallWait(ticket);
    const toNoShow = this.recallsBeforeNoShow(ticket);
    return html`
      <div class="top">
        <span class="number">${ticket.number}</span>
        <span class="state ${ticket.status}">${t(`ticket-${ticket.status as 'called' | 'serving'}`)}</span>
        ${
          ticket.priority !== 'normal'
            ? html`<span class="badge priority"
                >${t(`priority-${ticket.priority}`)}${ticket.priorityReason ? ` · ${t(`reason-${ticket.priorityReason}`)}` : ''}</span
              >`
            : nothing
        }
        ${ticket.identification ? verdictBadge(ticket.identification.classification) : nothing}
      </div>
      <dl class="facts">
        <div>
          <dt>${t('business')}</dt>
          <dd>${this.businessName(ticket.businessType)}</dd>
        </div>
        <div>
          <dt>${t('amount')}</dt>
          <dd>${amount}${card}</dd>
        </div>
        <div>
          <dt>${t('waited')}</dt>
          <dd>${duration(waitedSeconds)}</dd>
        </div>
        <div>
          <dt>${t('serviceTime')}</dt>
          <dd><span class="timer">${timer(serviceSeconds)}</span></dd>
        </div>
      </dl>
      ${
        typical !== null
          ? html`<div class="estimate ${serviceSeconds > typical * 60 ? 'over' : ''}">
              ${t('usuallyTakes', { minutes: typical })}
            </div>`
          : nothing
      }
      ${
        ticket.status === 'called'
          ? html`<div class="recall-info">
              ${ticket.recallCount ? html`<span>${t('recalledTimes', { count: ticket.recallCount })}</span>` : nothing}
              ${recallWait > 0 ? html`<span>${t('recallIn', { seconds: recallWait })}</span>` : nothing}
              ${toNoShow > 0 ? html`<span>${t('noShowAfter', { count: toNoShow })}</span>` : nothing}
            </div>`
          : nothing
      }
      ${ticket.status === 'serving' ? this.renderRating(ticket) : nothing} ${this.stepHints(ticket)}
    `;
  }

  private renderKeys(counter: CounterView, ticket: StaffTicketView | null) {
    const keys = this.counterKeys();
    const button = (name: keyof typeof KEYS, label: string, primary = false) =>
      html`<button
        class="${primary ? 'primary' : ''} ${this.actions.isRunning(name === 'callNumber' ? 'call' : name) ? 'pending' : ''}"
        ?disabled=${!keys[name].enabled}
        @click=${keys[name].run}
      >
        <span>${label}</span><kbd>${keyLabel(KEYS[name])}</kbd>
      </button>`;
    const recallWait = ticket?.status === 'called' ? this.recallWait(ticket) : 0;
    return html`<div class="keys">
        ${button('callNext', t('callNext'), !ticket)}
        ${button('recall', recallWait > 0 ? `${t('recall')} (${recallWait})` : t('recall'))}
        ${button('start', t('start'), ticket?.status === 'called')}
        ${button('finish', t('finish'), ticket?.status === 'serving')} ${button('noShow', t('noShow'))}
      </div>
      <div class="keys secondary">
        ${button('callNumber', t('callNumber'))} ${button('transfer', t('transfer'))} ${button('park', t('park'))}
        ${button('returnToQueue', t('returnToQueue'))}
        ${button('pause', counter.status === 'paused' ? t('resume') : t('pause'))}
      </div>`;
  }

  private renderQueues(counter: CounterView, ticket: StaffTicketView | null) {
    const level = this.settings?.serviceLevelMinutes ?? null;
    const next = this.callable(counter).slice(0, NEXT_UP);
    const canCall = !ticket && counter.status === 'open' && !this.actions.isRunning('call');
    return html`<aside class="queue card">
      <h2>${t('myQueues')}</h2>
      ${this.myQueues(counter).map((queue) => {
        const longest = this.clock.secondsSince(queue.longestWaitingSince);
        const late = level !== null && queue.waiting > 0 && longest > level * 60;
        return html`<div class="q ${late ? 'late' : ''}">
          <span class="name">${pick(queue.name)} ${queue.prefix}</span>
          <span class="count">${t('waitingCount', { count: queue.waiting })}</span>
          <span class="figures"
            >${
              queue.waiting
                ? html`${estimate(queue.estimatedWaitMinutes)} · ${t('longest', { time: duration(longest) })}`
                : t('noneWaiting')
            }</span
          >
        </div>`;
      })}
      <h2>${t('nextUp')}</h2>
      ${
        next.length
          ? html`<ul class="next">
              ${next.map(
                ({ ticket: waiting, tag }) =>
                  html`<li>
                    <span class="number">${waiting.number}</span>
                    <span class="what">${this.businessName(waiting.businessType)}</span>
                    <button ?disabled=${!canCall} @click=${() => void this.call(waiting)}>${t('callThis')}</button>
                    <span class="tags">
                      <span class="muted">${duration(this.clock.secondsSince(waiting.queuedAt))}</span>
                      ${tag ? html`<span class="badge">${tag}</span>` : nothing}
                      ${waiting.priority !== 'normal' ? html`<span class="badge priority">${t(`priority-${waiting.priority}`)}</span>` : nothing}
                      ${
                        waiting.identification && waiting.identification.classification !== 'ordinary'
                          ? verdictBadge(waiting.identification.classification)
                          : nothing
                      }
                    </span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('noneWaiting')}</p>`
      }
    </aside>`;
  }

  /** The open dialog: its content, the report of its own command, and a way out (Esc, or a tap beside it). */
  private renderDialog(counter: CounterView | null, ticket: StaffTicketView | null) {
    const options = this.dialogOptions(counter, ticket);
    let content;
    let confirm: unknown = nothing;
    switch (this.dialog) {
      case 'finish':
        if (!ticket) return nothing;
        content = this.renderFinish(ticket, options);
        confirm = html`<button
          class="primary ${this.actions.isRunning('finish') ? 'pending' : ''}"
          ?disabled=${this.actions.isRunning('finish') || this.businessDone.size === 0}
          @click=${() => void this.finish(ticket)}
        >
          ${this.businessDone.size ? t('confirmFinish') : t('pickAtLeastOne')} <kbd>Enter</kbd>
        </button>`;
        break;
      case 'transfer':
        content = this.renderChoices(t('transferTitle', { number: ticket?.number ?? '' }), options);
        break;
      case 'park':
        content = this.renderChoices(t('parkTitle', { number: ticket?.number ?? '' }), options, t('nobodyToPark'));
        break;
      case 'pause':
        content = this.renderChoices(t('pauseTitle'), options);
        break;
      case 'call':
        content = this.renderCallByNumber();
        break;
      default:
        return nothing;
    }
    return html`<div
      class="scrim"
      @click=${(event: Event) => event.target === event.currentTarget && (this.dialog = null)}
    >
      <div class="dialog" role="dialog" aria-modal="true">
        ${content} ${this.actions.report?.name === this.dialog ? actionStatus(this.actions) : nothing}
        <footer>
          <button @click=${() => (this.dialog = null)}>${t('close')} <kbd>Esc</kbd></button>
          ${confirm}
        </footer>
      </div>
    </div>`;
  }

  /** Finishing (steps 5 and 6): the business actually done, the hand-back reminder, the sentence, the rating. */
  private renderFinish(ticket: StaffTicketView, toggles: { run: () => void }[]) {
    const category = this.service(ticket.businessType)?.category ?? 'other';
    const verdict = ticket.identification?.classification ?? 'ordinary';
    return html`<h2>${t('finishTitle', { number: ticket.number })}</h2>
      <span class="hint">${t('finishKeys')}</span>
      <div class="business">
        ${this.services.map(
          (service, index) =>
            html`<label class="check">
              <input
                type="checkbox"
                .checked=${this.businessDone.has(service.code)}
                @change=${() => toggles[index]?.run()}
              />
              ${pick(service.name)} ${index < DIGITS.length ? html`<kbd>${index + 1}</kbd>` : nothing}
            </label>`,
        )}
      </div>
      <div class="reminders">
        <p><b>5 ${t('step5')}</b> ${t('hint5')}</p>
        <p><b>6 ${t('step6')}</b> ${pick(recommendationFor(category, verdict))}</p>
        <p><b>★</b> ${t('ratingPrompt')}</p>
      </div>`;
  }

  /** A choice of targets or reasons, each with its digit key. */
  private renderChoices(title: string, options: { label: string; run: () => void }[], whenEmpty = '') {
    const running = this.actions.isRunning(this.dialog ?? '');
    return html`<h2>${title}</h2>
      ${
        options.length
          ? html`<div class="choices">
              ${options.map(
                (option, index) =>
                  html`<button ?disabled=${running} @click=${option.run}>
                    ${option.label} ${index < DIGITS.length ? html`<kbd>${index + 1}</kbd>` : nothing}
                  </button>`,
              )}
            </div>`
          : html`<p>${whenEmpty}</p>`
      }`;
  }

  private renderCallByNumber() {
    return html`<h2>${t('callTitle')}</h2>
      <form
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.callByNumber();
        }}
      >
        <input
          id="call-number"
          type="text"
          autocomplete="off"
          aria-label=${t('ticketNumber')}
          placeholder=${t('ticketNumber')}
          .value=${this.numberToCall}
          @input=${(event: Event) => (this.numberToCall = (event.target as HTMLInputElement).value)}
        />
        <button class="primary" type="submit" ?disabled=${this.actions.isRunning('call') || !this.numberToCall.trim()}>
          ${t('callThis')} <kbd>Enter</kbd>
        </button>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-teller-view': TellerView;
  }
}

import type { BranchSettingsView, CounterView, ReferralView, ServiceView, StaffTicketView } from '@lobbyflow/contracts';
import {
  type HallAlert,
  type LiveHallController,
  LocaleController,
  ServerClock,
  type StaffApi,
  hallAlerts,
  pick,
} from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffSession } from '../app/session';
import { amountBandOf, bandLabel, clockTime, duration, estimate, timer } from '../shared/format';
import { t } from '../shared/messages';
import '../shared/staff-header/staff-header';
import { SessionEndController } from '../shared/session-end-controller';
import { openStaffHall, SecondTicker } from '../shared/staff-hall';
import { sharedStyles } from '../shared/styles';
import { verdictBadge } from '../shared/templates';
import { lobbyViewStyles } from './lobby-view.styles';
import './referral-board/referral-board';
import { passedOverNames } from './referral-board/referral-board';
import './staffing-hints/staffing-hints';
import { StaffingHintsController } from './staffing-hints/staffing-hints.controller';
import './ticket-sheet/ticket-sheet';
import './walk-in-dialog/walk-in-dialog';
import { BranchConfig } from '../shared/branch-config';

/**
 * The lobby manager's hall (tablet first, 1024x768 landscape, touch): alerts on top, the server's staffing
 * hints under them (StaffingHintsController); per queue the waiting count, longest wait and estimate;
 * every waiting customer with business, wait and signals (tap one to act: observed signals, RM call-over,
 * move, self-service, cancel); the counters with their teller, current ticket and service time; the RMs
 * and today's referrals. Live over LiveHallController; the referral board is read once and then kept by
 * events, and read again after a reconnect.
 */
@customElement('lf-lobby-view')
export class LobbyView extends LitElement {
  static override styles = [sharedStyles, lobbyViewStyles];

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
  @state() private referrals: ReferralView[] = [];
  @state() private selected: string | null = null;
  @state() private walkInOpen = false;
  @state() private dismissed = new Set<string>();
  /** Visits rated since this screen opened (`ticket.rated`): a dissatisfied one is an alert. */
  @state() private rated: StaffTicketView[] = [];

  protected readonly locale = new LocaleController(this);
  private readonly clock = new ServerClock();
  private live: LiveHallController | null = null;
  private staffing: StaffingHintsController | null = null;
  protected readonly sessionEnd = new SessionEndController(this, () => this.live);
  protected readonly ticker = new SecondTicker(this);
  private wasLive = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.live) {
      this.live = openStaffHall(this, this.session, this.clock);
      this.config = new BranchConfig(this, this.api, this.session.user.branchId);
      this.config.follow(this.live);
      this.live.onEvent((event) => {
        // The lobby room receives call-overs and referral changes in full; other audiences an envelope.
        if ((event.type === 'rm.callover' || event.type === 'referral.updated') && 'referral' in event) {
          this.upsertReferral(event.referral);
        }
        if (event.type === 'ticket.rated' && 'businessType' in event.ticket) {
          this.rated = [...this.rated, event.ticket];
        }
      });
      this.staffing = new StaffingHintsController(this, this.api, this.session.user.branchId, this.live);
    }
  }

  private async loadReferrals(): Promise<void> {
    this.referrals = await this.api.referrals().catch(() => this.referrals);
  }

  private upsertReferral(referral: ReferralView): void {
    this.referrals = [referral, ...this.referrals.filter((known) => known.id !== referral.id)];
  }

  override updated(): void {
    const status = this.live?.status;
    // The board has no log of its own: read it whenever the hall is live again (first load, reconnect).
    if (status === 'live' && !this.wasLive) void this.loadReferrals();
    this.wasLive = status === 'live';
  }

  private service(code: string): ServiceView | undefined {
    return this.services.find((candidate) => candidate.code === code);
  }

  /** Today's referrals, newest first. */
  private todaysReferrals(): ReferralView[] {
    const hall = this.live?.state;
    if (!hall) return [];
    const day = (at: string | number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: hall.timeZone }).format(new Date(at));
    const today = day(this.clock.now());
    return this.referrals
      .filter((referral) => day(referral.createdAt) === today)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  override render() {
    const hall = this.live?.state;
    const user = this.session.user;
    return html`
      <lf-staff-header
        heading=${t('lobbyTitle')}
        subheading=${hall ? pick(hall.branchName) : ''}
        .user=${user}
        live=${this.live?.status ?? 'connecting'}
        clock=${hall ? clockTime(this.clock.now(), hall.timeZone) : ''}
      >
        <button class="walk-in" @click=${() => (this.walkInOpen = true)}>${t('walkInButton')}</button>
        <a class="link-button" href="#/reports">${t('route-reports')}</a>
      </lf-staff-header>
      ${this.live?.status === 'offline' ? html`<div class="banner" role="alert">${t('offlineBanner')}</div>` : nothing}
      ${hall ? this.renderHall() : html`<main><p class="muted">${t('loading')}</p></main>`} ${this.renderSelected()}
      ${
        this.walkInOpen
          ? html`<lf-walk-in-dialog
              .api=${this.api}
              .settings=${this.settings}
              @lf-close=${() => {
                this.walkInOpen = false;
                void this.loadReferrals();
              }}
            ></lf-walk-in-dialog>`
          : nothing
      }
    `;
  }

  private renderHall() {
    const hall = this.live?.state;
    if (!hall) return nothing;
    const now = this.clock.now();
    const level = this.settings?.serviceLevelMinutes ?? null;
    const alerts = this.settings
      ? hallAlerts({ hall, referrals: this.referrals, settings: this.settings, now, rated: this.rated }).filter(
          (alert) => !this.dismissed.has(alert.key),
        )
      : [];
    const waiting = hall.waiting as StaffTicketView[];
    return html`
      ${alerts.length ? html`<div class="alerts" role="alert" aria-label=${t('alertsTitle')}>${alerts.map((alert) => this.renderAlert(alert))}</div>` : nothing}
      <lf-staffing-hints .hints=${this.staffing?.hints ?? []}></lf-staffing-hints>
      <main>
        <section class="hall">
          <div class="queues" aria-label=${t('queuesTitle')}>
            ${hall.queues.map((queue) => {
              const longest = this.clock.secondsSince(queue.longestWaitingSince);
              const late = level !== null && queue.waiting > 0 && longest > level * 60;
              return html`<div class="q ${late ? 'late' : ''}">
                <span class="name">${pick(queue.name)} ${queue.prefix}</span>
                <span class="count">${queue.waiting}</span>
                <span class="figures"
                  >${
                    queue.waiting
                      ? html`${t('longest', { time: duration(longest) })}<br />${estimate(queue.estimatedWaitMinutes)}`
                      : t('noneWaiting')
                  }</span
                >
              </div>`;
            })}
          </div>
          <div class="waiting card">
            <header>
              <h2>${t('waitingTitle', { count: waiting.length })}</h2>
              <span class="muted">${t('tapTicket')}</span>
            </header>
            <ul>
              ${waiting.map((ticket) => this.renderWaiting(ticket, level))}
            </ul>
          </div>
        </section>
        <aside class="side">
          <div class="card">
            <h2>${t('countersTitle')}</h2>
            <ul class="counters">
              ${hall.counters.map((counter) => this.renderCounter(counter))}
            </ul>
          </div>
          <div class="card">
            <lf-referral-board .referrals=${this.todaysReferrals()} .rms=${hall.rms} .now=${now}></lf-referral-board>
          </div>
        </aside>
      </main>
    `;
  }

  private renderAlert(alert: HallAlert) {
    const who = (referral: ReferralView) => referral.ticketNumber ?? referral.walkIn ?? t('walkIn');
    let text: string;
    switch (alert.kind) {
      case 'customer-dissatisfied':
        text = t('alert-customer-dissatisfied', {
          number: alert.ticket.number,
          counter: alert.counter ? pick(alert.counter.name) : (alert.ticket.rating?.counter ?? ''),
          // The teller signed in there now, when it is the one who asked (a seat may have changed hands).
          teller:
            alert.counter?.staff && alert.counter.staff.id === alert.ticket.rating?.staffId
              ? alert.counter.staff.displayName
              : '—',
        });
        break;
      case 'queue-over-service-level':
        text = t('alert-queue-over-service-level', {
          queue: `${pick(alert.queue.name)} ${alert.queue.prefix}`,
          minutes: alert.waitedMinutes,
          level: this.settings?.serviceLevelMinutes ?? '',
        });
        break;
      case 'counter-paused-long': {
        const reason = this.settings?.pauseReasons.find((candidate) => candidate.code === alert.counter.pauseReason);
        text = t('alert-counter-paused-long', {
          counter: pick(alert.counter.name),
          minutes: alert.pausedMinutes,
          reason: reason ? pick(reason.name) : (alert.counter.pauseReason ?? ''),
          waiting: alert.waiting,
        });
        break;
      }
      case 'callover-unanswered':
        text = t('alert-callover-unanswered', {
          who: who(alert.referral),
          rm: alert.referral.rm.displayName,
          time: duration(alert.seconds),
        });
        break;
      case 'callover-passed-over':
        text = t('alert-callover-passed-over', {
          who: who(alert.referral),
          passed: passedOverNames(alert.referral),
          rm: alert.referral.rm.displayName,
        });
        break;
      case 'callover-declined':
        text = t('alert-callover-declined', { who: who(alert.referral) });
        break;
      case 'rm-late':
        text = t('alert-rm-late', {
          who: who(alert.referral),
          rm: alert.referral.rm.displayName,
          minutes: alert.minutesLate,
        });
        break;
    }
    const amber = alert.kind === 'queue-over-service-level' || alert.kind === 'counter-paused-long';
    return html`<div class="alert ${amber ? 'amber' : ''}">
      <span>⚠ ${text}</span>
      <button
        aria-label=${t('dismiss')}
        title=${t('dismiss')}
        @click=${() => (this.dismissed = new Set([...this.dismissed, alert.key]))}
      >
        ✕
      </button>
    </div>`;
  }

  private renderWaiting(ticket: StaffTicketView, level: number | null) {
    const service = this.service(ticket.businessType);
    const band = ticket.amount !== null && service ? amountBandOf(ticket.amount, service.amountBands) : null;
    const waited = this.clock.secondsSince(ticket.queuedAt);
    const late = level !== null && waited > level * 60;
    const reasons = ticket.identification?.reasons ?? [];
    return html`<li>
      <button @click=${() => (this.selected = ticket.id)} aria-label=${ticket.number}>
        <span class="number">${ticket.number}</span>
        <span class="what"
          >${service ? pick(service.name) : ticket.businessType}${band && service?.amountBands.length ? ` · ${bandLabel(band)}` : ''}</span
        >
        <span class="wait ${late ? 'late' : ''}">${duration(waited)}</span>
        <span class="tags">
          ${ticket.priority !== 'normal' ? html`<span class="badge priority">${t(`priority-${ticket.priority}`)}</span>` : nothing}
          ${ticket.targetCounterId ? html`<span class="badge">${t('sentHere')}</span>` : nothing}
          ${
            ticket.identification && ticket.identification.classification !== 'ordinary'
              ? verdictBadge(ticket.identification.classification)
              : nothing
          }
          ${reasons.slice(0, 3).map((reason) => html`<span class="badge ordinary">${pick(reason.text)}</span>`)}
        </span>
      </button>
    </li>`;
  }

  private renderCounter(counter: CounterView) {
    const hall = this.live?.state;
    const current = hall?.nowServing.find((ticket) => ticket.counter === counter.code) as StaffTicketView | undefined;
    const reason = this.settings?.pauseReasons.find((candidate) => candidate.code === counter.pauseReason);
    let now: unknown = nothing;
    if (current) {
      now = html`<span class="number">${current.number}</span>${timer(this.clock.secondsSince(current.calledAt))}`;
    } else if (counter.status === 'paused') {
      now = html`${reason ? pick(reason.name) : counter.pauseReason} ${timer(this.clock.secondsSince(counter.pausedAt))}`;
    } else if (counter.status === 'open' && counter.staff) {
      now = html`<span class="muted">${t('counterFree')}</span>`;
    }
    return html`<li class="${counter.status} ${counter.staff ? 'staffed' : ''}">
      <span class="dot"></span>
      <span class="name">${pick(counter.name)}</span>
      <span class="staff">${counter.staff?.displayName ?? t('nobodySignedIn')}</span>
      <span class="now">${now}</span>
    </li>`;
  }

  private renderSelected() {
    const hall = this.live?.state;
    if (!hall || !this.selected) return nothing;
    const ticket = [...hall.waiting, ...hall.parked, ...hall.nowServing].find(
      (candidate) => candidate.id === this.selected,
    ) as StaffTicketView | undefined;
    // Called, finished or cancelled elsewhere meanwhile: the sheet has nothing left to act on.
    if (!ticket) return nothing;
    return html`<lf-ticket-sheet
      .api=${this.api}
      branchId=${hall.branchId}
      .ticket=${ticket}
      .settings=${this.settings}
      .services=${this.services}
      .queues=${hall.queues}
      waitedSeconds=${this.clock.secondsSince(ticket.queuedAt)}
      @lf-close=${() => (this.selected = null)}
    ></lf-ticket-sheet>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-lobby-view': LobbyView;
  }
}

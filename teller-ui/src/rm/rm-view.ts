import {
  type BranchSettingsView,
  RM_PRESENCES,
  type ReferralView,
  type RmPresence,
  type StaffTicketView,
} from '@lobbyflow/contracts';
import { type LiveHallController, LocaleController, ServerClock, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { StaffSession } from '../app/session';
import { ActionController } from '../shared/action-controller';
import { clockTime } from '../shared/format';
import { t } from './messages';
import { SessionEndController } from '../shared/session-end-controller';
import { openStaffHall, SecondTicker } from '../shared/staff-hall';
import '../shared/staff-header/staff-header';
import { sharedStyles } from '../shared/styles';
import { actionStatus } from '../shared/templates';
import './callover-card/callover-card';
import { playChime, unlockChime } from './chime';
import { dayLabel, dueLabel } from './follow-up-days';
import './follow-up-list/follow-up-list';
import type { ReferralChangedEvent } from './grade-form/grade-form';
import { type PassedOnNotice, RmDeskController } from './rm-desk.controller';
import { rmViewStyles } from './rm-view.styles';

/**
 * The relationship manager's console (#/rm; desktop 1366x768 and tablets): where the RM is (available /
 * with a customer / away), the call-overs addressed to them with a chime and a red alert (who, where they
 * wait, why, the suggested opening; answer coming / later / decline), the meeting and its outcome with
 * the follow-up grade, and on the right the follow-ups by due day. The hall is live over
 * LiveHallController (presence, where each ticket is); the RM's own referrals are kept by RmDeskController.
 */
@customElement('lf-rm-view')
export class RmView extends LitElement {
  static override styles = [sharedStyles, rmViewStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) session!: StaffSession;

  @state() private settings: BranchSettingsView | null = null;
  /** Re-renders every second: ages and the answer countdown. */

  protected readonly locale = new LocaleController(this);
  private readonly clock = new ServerClock();
  private readonly presenceAction = new ActionController(this);
  private live: LiveHallController | null = null;
  private desk: RmDeskController | null = null;
  protected readonly sessionEnd = new SessionEndController(this, () => this.live);
  protected readonly ticker = new SecondTicker(this);

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.live) {
      this.live = openStaffHall(this, this.session, this.clock, () => {
        if (!this.settings) void this.loadSettings();
      });
      this.desk = new RmDeskController(this, this.api, this.live, this.session.user.id, () => playChime());
    }
    this.addEventListener('pointerdown', this.unlockAudio);
    this.addEventListener('keydown', this.unlockAudio);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.unlockAudio);
    this.removeEventListener('keydown', this.unlockAudio);
  }

  /** The RM's first tap or key press lets the chime sound where audio waits for a gesture. */
  private readonly unlockAudio = (): void => {
    unlockChime();
    this.removeEventListener('pointerdown', this.unlockAudio);
    this.removeEventListener('keydown', this.unlockAudio);
  };

  private async loadSettings(): Promise<void> {
    this.settings = await this.api.settings(this.session.user.branchId).catch(() => null);
  }

  private get presence(): RmPresence | null {
    return this.live?.state?.rms.find((rm) => rm.id === this.session.user.id)?.presence ?? null;
  }

  private async setPresence(presence: RmPresence): Promise<void> {
    // The hall follows with the `rm.presence` event; the answer is only checked for a refusal.
    await this.presenceAction.run('presence', t('presenceLabel'), () => this.api.setPresence(presence));
  }

  /** The server's answer to an RM command on one of their referrals (its live event may come first). */
  private changed(event: ReferralChangedEvent): void {
    this.desk?.apply(event.detail);
  }

  /** Where the referred customer is now, from the live hall (a walk-in: as the lobby manager described). */
  private whereIs(referral: ReferralView): string {
    if (referral.walkIn) return referral.walkIn;
    const hall = this.live?.state;
    const ticket = hall
      ? ([...hall.nowServing, ...hall.waiting, ...hall.parked].find(
          (candidate) => candidate.id === referral.ticketId,
        ) as StaffTicketView | undefined)
      : undefined;
    if (!ticket) return t('whereTicketClosed', { number: referral.ticketNumber ?? '' });
    const counter = ticket.counterName ? pick(ticket.counterName) : (ticket.counter ?? '');
    switch (ticket.status) {
      case 'called':
      case 'serving':
        return t('whereAtCounter', { counter });
      case 'parked':
        return t('whereParked');
      default: {
        const queue = hall?.queues.find((candidate) => candidate.code === ticket.queue);
        return t('whereWaiting', { queue: queue ? `${pick(queue.name)} ${queue.prefix}` : ticket.queue });
      }
    }
  }

  override render() {
    const hall = this.live?.state;
    return html`
      <lf-staff-header
        heading=${t('rmTitle')}
        subheading=${hall ? pick(hall.branchName) : ''}
        .user=${this.session.user}
        live=${this.live?.status ?? 'connecting'}
        clock=${hall ? clockTime(this.clock.now(), hall.timeZone) : ''}
      >
        ${this.renderPresence()}
      </lf-staff-header>
      ${this.live?.status === 'offline' ? html`<div class="banner" role="alert">${t('offlineBanner')}</div>` : nothing}
      ${hall ? this.renderDesk() : html`<main><p class="muted">${t('loading')}</p></main>`}
    `;
  }

  private renderPresence() {
    const current = this.presence;
    const busy = this.presenceAction.busy;
    return html`<div class="presence" role="group" aria-label=${t('presenceLabel')}>
      ${RM_PRESENCES.map(
        (presence) =>
          html`<button
            class=${presence}
            aria-pressed=${current === presence ? 'true' : 'false'}
            ?disabled=${busy}
            @click=${() => void this.setPresence(presence)}
          >
            ${t(`presence-${presence}`)}
          </button>`,
      )}
    </div>`;
  }

  private renderDesk() {
    const hall = this.live?.state;
    const desk = this.desk;
    if (!hall || !desk) return nothing;
    const now = this.clock.now();
    return html`<main @lf-referral-changed=${(event: ReferralChangedEvent) => this.changed(event)}>
      <section class="desk" aria-label=${t('calloversTitle', { count: desk.callovers.length })}>
        ${this.presenceAction.report?.status === 'failed' ? actionStatus(this.presenceAction) : nothing}
        ${desk.loadFailed ? html`<div class="status-line failed" role="alert">${t('deskLoadFailed')}</div>` : nothing}
        ${desk.notices.map((notice) => this.renderNotice(notice))}
        ${this.renderRecorded(desk.recorded, hall.businessDay)}
        <h2>${t('calloversTitle', { count: desk.callovers.length })}</h2>
        ${
          desk.callovers.length
            ? repeat(
                desk.callovers,
                (referral) => referral.id,
                (referral) =>
                  html`<lf-callover-card
                    .api=${this.api}
                    .referral=${referral}
                    .settings=${this.settings}
                    where=${this.whereIs(referral)}
                    .now=${now}
                    today=${hall.businessDay}
                    timeZone=${hall.timeZone}
                  ></lf-callover-card>`,
              )
            : html`<p class="empty">${t(`noCallovers-${this.presence ?? 'away'}`)}</p>`
        }
      </section>
      <aside class="card">
        <lf-follow-up-list
          .api=${this.api}
          .referrals=${desk.followUps}
          .cadence=${this.settings?.followUp ?? null}
          today=${hall.businessDay}
          timeZone=${hall.timeZone}
        ></lf-follow-up-list>
      </aside>
    </main>`;
  }

  /** What the last outcome or contact set: "B001：B 级，下次联系 11月30日（7 天后）". */
  private renderRecorded(referral: ReferralView | null, today: string) {
    if (!referral?.nextContactOn) return nothing;
    const text = t('recordedFollowUp', {
      who: referral.ticketNumber ?? referral.walkIn ?? t('walkIn'),
      grade: referral.grade ?? '',
      day: dayLabel(referral.nextContactOn, this.locale.locale, today),
      due: dueLabel(referral.nextContactOn, today).text,
    });
    return html`<div class="status-line done" role="status">
      <span>✓</span><span class="text">${text}</span>
      <button @click=${() => this.desk?.dismissRecorded()}>${t('dismiss')}</button>
    </div>`;
  }

  private renderNotice(notice: PassedOnNotice) {
    const text =
      notice.kind === 'returned'
        ? t('noticeReturned', { who: notice.who })
        : notice.to
          ? t('noticePassedTo', { who: notice.who, rm: notice.to })
          : t('noticePassedOn', { who: notice.who });
    return html`<div class="notice" role="status">
      <span>${text}</span>
      <button @click=${() => this.desk?.dismissNotice(notice.id)}>${t('dismiss')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-rm-view': RmView;
  }
}

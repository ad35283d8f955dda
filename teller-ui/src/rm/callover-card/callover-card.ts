import { type BranchSettingsView, type ReferralView, STAFF_ROLES } from '@lobbyflow/contracts';
import { type CalloverAnswer, LocaleController, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../../shared/action-controller';
import { clockTime, duration } from '../../shared/format';
import { t } from '../messages';
import { sharedStyles } from '../../shared/styles';
import { actionStatus, verdictBadge } from '../../shared/templates';
import '../customer-assets/customer-assets';
import '../grade-form/grade-form';
import { calloverCardStyles } from './callover-card.styles';

/** Minutes an RM may ask the customer to wait (seated in the VIP room with a leaflet meanwhile). */
const DEFER_MINUTES = [5, 10, 15, 30];
/** Reasons offered for a decline; the RM may type another. */
const DECLINE_REASONS = ['declineBusy', 'declineOut', 'declineSpecialty'] as const;

/**
 * One call-over on the RM's desk (domain.md §4): who the customer is and where they wait, why they were
 * referred (signals, verdict, score, the referrer's note), a suggested opening, how long ago; the answer
 * (coming / later in N minutes / decline with a reason) while it is unanswered, "met the customer" once
 * answered, and the meeting's outcome form once met. Every answer goes to the server, whose reply is
 * sent up as `lf-referral-changed`.
 */
@customElement('lf-callover-card')
export class CalloverCard extends LitElement {
  static override styles = [sharedStyles, calloverCardStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) referral!: ReferralView;
  @property({ attribute: false }) settings: BranchSettingsView | null = null;
  /** Where the customer is now, in words (at a counter, in a queue, the walk-in's description). */
  @property() where = '';
  /** The server's time now (epoch ms): ages and the answer countdown. */
  @property({ type: Number }) now = 0;
  /** The branch's business day, for the outcome form's next contact days. */
  @property() today = '';
  /** The branch's time zone, to show when a deferred RM said they would come. */
  @property() timeZone = '';

  @state() private declining = false;
  @state() private declineReason = '';

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);

  private get who(): string {
    return this.referral.ticketNumber ?? t('walkIn');
  }

  private async answer(answer: CalloverAnswer, label: string): Promise<void> {
    const updated = await this.actions.run('answer', label, () => this.api.answerCallover(this.referral.id, answer));
    if (updated) this.changed(updated);
  }

  private async meet(): Promise<void> {
    const updated = await this.actions.run('meet', t('metCustomer'), () => this.api.meetCustomer(this.referral.id));
    if (updated) this.changed(updated);
  }

  private changed(referral: ReferralView): void {
    this.dispatchEvent(new CustomEvent('lf-referral-changed', { detail: referral, bubbles: true, composed: true }));
  }

  /** Who referred the customer, by role ("柜员" / "Teller"). */
  private referrer(): string {
    const role = STAFF_ROLES.find((known) => known === this.referral.referredBy.role);
    return role ? t(`role-${role}`) : this.referral.referredBy.role;
  }

  private secondsSince(at: string | null): number {
    return at ? Math.max(0, Math.floor((this.now - Date.parse(at)) / 1000)) : 0;
  }

  override render() {
    const referral = this.referral;
    const alerted = referral.status === 'alerted';
    const threshold = this.settings?.identification.potentialVipScore;
    return html`<article class="${referral.status}" aria-label=${t('calloverFor', { who: this.who })}>
      ${alerted ? this.renderAlertBar() : this.renderStatusBar()}
      <div class="body">
        <div class="facts">
          <div class="who">
            ${
              referral.ticketNumber
                ? html`<span class="number">${referral.ticketNumber}</span>`
                : html`<span class="walk-in">${t('walkIn')}</span>`
            }
            ${verdictBadge(referral.classification)}
            <span class="muted"
              >${
                threshold === undefined
                  ? t('scoreOnly', { score: referral.score })
                  : t('score', { score: referral.score, threshold })
              }</span
            >
            <span class="ago muted"
              >${t('referredAgo', {
                time: duration(this.secondsSince(referral.createdAt)),
                by: this.referrer(),
              })}</span
            >
          </div>
          <p class="where"><span class="label">${t('whereLabel')}</span>${this.where}</p>
          ${
            referral.customer
              ? html`<lf-customer-assets
                  .api=${this.api}
                  .customer=${referral.customer}
                  .tierLadders=${this.settings?.tierLadders ?? []}
                  defaultReason=${t('rmAssetsReason', { who: this.who })}
                ></lf-customer-assets>`
              : nothing
          }
          ${
            referral.contact
              ? html`<p class="contact">
                  <span class="label">${t('consentedContact')}</span>${referral.contact.name ?? ''}
                  <span class="phone">${referral.contact.phone}</span>
                </p>`
              : nothing
          }
          <ul class="reasons" aria-label=${t('reasonsLabel')}>
            ${referral.reasons.map(
              (reason) =>
                html`<li>
                  <span>${pick(reason.text)}</span>
                  ${reason.notes?.length ? html`<span class="note">“${reason.notes.join('”，“')}”</span>` : nothing}
                  <span class="weight">${reason.weight ? `+${reason.weight}` : ''}</span>
                </li>`,
            )}
          </ul>
          ${
            referral.note
              ? html`<p class="note"><span class="label">${t('referrerNote')}</span>“${referral.note}”</p>`
              : nothing
          }
          <blockquote>
            <small>${t('openingLabel')}</small>
            ${pick(referral.opening)}
          </blockquote>
        </div>
        <div class="act">
          ${this.renderActions()}
          ${
            // Done shows as the card's new state; what is pending or failed is said here.
            this.actions.report && this.actions.report.status !== 'done' ? actionStatus(this.actions) : nothing
          }
        </div>
      </div>
    </article>`;
  }

  private renderAlertBar() {
    const answerSeconds = this.settings?.calloverAnswerSeconds;
    const waited = this.secondsSince(this.referral.alertedAt);
    const left = answerSeconds === undefined ? null : answerSeconds - waited;
    return html`<header class="alert-bar" role="alert">
      <span class="pulse" aria-hidden="true"></span>
      <strong>${t('newCallover')}</strong>
      <span
        >${
          left === null
            ? nothing
            : left > 0
              ? t('answerWithin', { seconds: left })
              : t('answerOverdue', { time: duration(waited) })
        }</span
      >
    </header>`;
  }

  private renderStatusBar() {
    const referral = this.referral;
    let text: string;
    switch (referral.status) {
      case 'deferred': {
        if (!referral.respondedAt || referral.deferMinutes === null) {
          text = t('callover-deferred');
          break;
        }
        const promised = Date.parse(referral.respondedAt) + referral.deferMinutes * 60_000;
        const late = Math.floor((this.now - promised) / 1000);
        text = t(late > 0 ? 'deferredLate' : 'deferredUntil', {
          time: clockTime(promised, this.timeZone || undefined),
          late: duration(Math.max(0, late)),
        });
        break;
      }
      case 'met':
        text = t('meetingFor', { time: duration(this.secondsSince(referral.metAt)) });
        break;
      default:
        text = t('callover-accepted');
    }
    return html`<header class="status-bar"><strong>${text}</strong></header>`;
  }

  private renderActions() {
    const referral = this.referral;
    const busy = this.actions.busy;
    switch (referral.status) {
      case 'alerted':
        return this.declining ? this.renderDecline() : this.renderAnswer();
      case 'deferred':
        return html`<div class="buttons">
          <button class="primary" ?disabled=${busy} @click=${() => void this.meet()}>${t('metCustomer')}</button>
          <button ?disabled=${busy} @click=${() => void this.answer({ response: 'coming' }, t('comingNow'))}>
            ${t('comingNow')}
          </button>
        </div>`;
      case 'accepted':
        return html`<div class="buttons">
          <button class="primary" ?disabled=${busy} @click=${() => void this.meet()}>${t('metCustomer')}</button>
        </div>`;
      case 'met':
        return html`<h3>${t('outcomeTitle')}</h3>
          <lf-grade-form
            mode="outcome"
            .api=${this.api}
            .referral=${referral}
            .cadence=${this.settings?.followUp ?? null}
            today=${this.today}
          ></lf-grade-form>`;
      default:
        return nothing;
    }
  }

  private renderAnswer() {
    const busy = this.actions.busy;
    return html`<div class="answer">
      <button
        class="primary coming ${this.actions.isRunning('answer') ? 'pending' : ''}"
        ?disabled=${busy}
        @click=${() => void this.answer({ response: 'coming' }, t('comingNow'))}
      >
        ${t('comingNow')}
      </button>
      <div class="defer" role="group" aria-label=${t('deferLabel')}>
        <span class="muted">${t('deferLabel')}</span>
        ${DEFER_MINUTES.map(
          (minutes) =>
            html`<button
              ?disabled=${busy}
              @click=${() => void this.answer({ response: 'defer', minutes }, t('deferMinutes', { minutes }))}
            >
              ${t('deferMinutes', { minutes })}
            </button>`,
        )}
      </div>
      <button class="danger" ?disabled=${busy} @click=${() => (this.declining = true)}>${t('decline')}</button>
    </div>`;
  }

  private renderDecline() {
    const reason = this.declineReason.trim();
    return html`<div class="decline">
      <label class="field">
        <span>${t('declineReasonLabel')}</span>
        <input
          type="text"
          maxlength="200"
          .value=${this.declineReason}
          @input=${(event: Event) => (this.declineReason = (event.target as HTMLInputElement).value)}
        />
      </label>
      <div class="chips">
        ${DECLINE_REASONS.map(
          (key) =>
            html`<button type="button" class="chip" @click=${() => (this.declineReason = t(key))}>${t(key)}</button>`,
        )}
      </div>
      <div class="buttons">
        <button
          class="danger solid"
          ?disabled=${this.actions.busy || reason.length < 3}
          @click=${() => void this.answer({ response: 'decline', reason }, t('decline'))}
        >
          ${t('confirmDecline')}
        </button>
        <button ?disabled=${this.actions.busy} @click=${() => (this.declining = false)}>${t('cancel')}</button>
      </div>
      <span class="muted">${t('declineHint')}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-callover-card': CalloverCard;
  }
}

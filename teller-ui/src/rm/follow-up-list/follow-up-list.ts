import type { FollowUpCadenceSpec, ReferralView } from '@lobbyflow/contracts';
import { LocaleController, type StaffApi } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { t } from '../messages';
import { sharedStyles } from '../../shared/styles';
import { dayLabel, dueLabel, localDay } from '../follow-up-days';
import '../grade-form/grade-form';
import { followUpListStyles } from './follow-up-list.styles';

/** How many of the latest contacts each customer shows. */
const RECENT_CONTACTS = 3;

/**
 * The RM's follow-ups (domain.md §6) by the day each customer is due, the overdue first: the grade, who
 * the customer is (the known customer's name and masked number, or the walk-in's description, or the
 * name and phone the customer consented to leave), the products discussed, the meeting and the latest
 * contacts. "Record a contact" opens the contact form (channel, new grade, outcome); the server regrades
 * the customer and the list moves them to their new day (`lf-referral-changed` from the form).
 */
@customElement('lf-follow-up-list')
export class FollowUpList extends LitElement {
  static override styles = [sharedStyles, followUpListStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) referrals: ReferralView[] = [];
  @property({ attribute: false }) cadence: FollowUpCadenceSpec | null = null;
  /** The branch's business day: what is overdue, due today or later. */
  @property() today = '';
  @property() timeZone = '';

  /** The referral whose contact form is open (one at a time), and how many contacts it had then. */
  @state() private open: { id: string; contacts: number } | null = null;

  protected readonly locale = new LocaleController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    // A contact recorded for the open referral (here, or its live event first) closes the form.
    if (!changed.has('referrals') || !this.open) return;
    const open = this.open;
    const referral = this.referrals.find((candidate) => candidate.id === open.id);
    if (!referral || referral.contacts.length > open.contacts) this.open = null;
  }

  override render() {
    const overdue = this.today
      ? this.referrals.filter((referral) => referral.nextContactOn && referral.nextContactOn < this.today).length
      : 0;
    return html`<header>
        <h2>${t('followUpsTitle', { count: this.referrals.length })}</h2>
        ${overdue ? html`<span class="badge alert">${t('overdueCount', { count: overdue })}</span>` : nothing}
      </header>
      ${
        this.referrals.length
          ? html`<ul>
              ${repeat(
                this.referrals,
                (referral) => referral.id,
                (referral) => this.renderItem(referral),
              )}
            </ul>`
          : html`<p class="muted">${t('noFollowUps')}</p>`
      }`;
  }

  private renderItem(referral: ReferralView) {
    const due = referral.nextContactOn && this.today ? dueLabel(referral.nextContactOn, this.today) : null;
    const open = this.open?.id === referral.id;
    return html`<li class="${due?.overdue ? 'overdue' : ''} ${due?.today ? 'today' : ''}">
      <div class="line">
        ${referral.grade ? html`<span class="letter grade-${referral.grade}" title=${t('gradeLabel')}>${referral.grade}</span>` : nothing}
        <span class="who">${this.customerOf(referral)}</span>
        ${referral.status === 'converted' ? html`<span class="badge priority">${t('outcome-converted')}</span>` : nothing}
        ${
          due && referral.nextContactOn
            ? html`<span class="due"
                >${due.text}<small>${dayLabel(referral.nextContactOn, this.locale.locale, this.today)}</small></span
              >`
            : nothing
        }
      </div>
      ${
        referral.products.length
          ? html`<div class="chips">
              ${referral.products.map((product) => html`<span class="badge">${product}</span>`)}
            </div>`
          : nothing
      }
      ${referral.note ? html`<p class="note">“${referral.note}”</p>` : nothing} ${this.renderHistory(referral)}
      ${
        open
          ? html`<div class="form">
              <lf-grade-form
                mode="contact"
                cancellable
                .api=${this.api}
                .referral=${referral}
                .cadence=${this.cadence}
                today=${this.today}
                @lf-cancel=${() => (this.open = null)}
              ></lf-grade-form>
            </div>`
          : html`<button
              class="record"
              @click=${() => (this.open = { id: referral.id, contacts: referral.contacts.length })}
            >
              ${t('recordContactOpen')}
            </button>`
      }
    </li>`;
  }

  /** Who to contact: the known customer, the consented contact, or the walk-in as described. */
  private customerOf(referral: ReferralView) {
    const parts = [];
    if (referral.customer) {
      parts.push(
        html`<strong>${referral.customer.displayName ?? ''}</strong>
          <span class="masked">${referral.customer.masked}</span>`,
      );
    }
    if (referral.contact) {
      parts.push(
        html`<strong>${referral.contact.name ?? ''}</strong> <span class="phone">${referral.contact.phone}</span>`,
      );
    }
    if (!parts.length) {
      parts.push(html`<strong>${referral.walkIn ?? t('unidentifiedCustomer')}</strong>`);
    }
    const from = referral.ticketNumber ? t('fromTicket', { number: referral.ticketNumber }) : null;
    return html`${parts}${from ? html`<span class="muted from">${from}</span>` : nothing}`;
  }

  private renderHistory(referral: ReferralView) {
    const day = (at: string) => dayLabel(localDay(at, this.timeZone), this.locale.locale, this.today);
    const contacts = [...referral.contacts].reverse().slice(0, RECENT_CONTACTS);
    const meeting = referral.metAt;
    if (!meeting && !contacts.length) {
      return referral.customerHasTime ? nothing : html`<p class="history muted">${t('noTimeReferral')}</p>`;
    }
    return html`<ul class="history" aria-label=${t('lastContacts')}>
      ${contacts.map(
        (contact) =>
          html`<li>
            <span class="when">${day(contact.at)}</span>
            <span>${t(`channel-${contact.channel}`)}</span>
            <span class="letter small grade-${contact.grade}">${contact.grade}</span>
            ${contact.outcome ? html`<span>${t(`outcome-${contact.outcome}`)}</span>` : nothing}
            ${contact.note ? html`<span class="muted">“${contact.note}”</span>` : nothing}
          </li>`,
      )}
      ${
        meeting && contacts.length < RECENT_CONTACTS
          ? html`<li>
              <span class="when">${day(meeting)}</span>
              <span>${t('meetingLabel')}</span>
              ${referral.outcome && !referral.contacts.length ? html`<span>${t(`outcome-${referral.outcome}`)}</span>` : nothing}
            </li>`
          : nothing
      }
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-follow-up-list': FollowUpList;
  }
}

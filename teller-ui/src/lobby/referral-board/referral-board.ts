import type { ReferralView, RmPresenceView } from '@lobbyflow/contracts';
import { LocaleController } from '@lobbyflow/ui-kit';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { duration } from '../../shared/format';
import { t } from '../../shared/messages';
import { sharedStyles } from '../../shared/styles';
import { verdictBadge } from '../../shared/templates';

/**
 * The referral board (推荐表 / 信息记录表, domain.md §4): where each RM is, and today's referrals with
 * their RM, status and who passed them over. Kept live by the lobby view from `rm.callover`,
 * `referral.updated` and `rm.presence`.
 */
@customElement('lf-referral-board')
export class ReferralBoard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 8px;
      }
      .rms {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .rm {
        font-size: 13px;
        padding: 3px 10px;
        border-radius: 999px;
        background: var(--lf-background);
      }
      .rm.available {
        background: var(--lf-ok-soft);
        color: var(--lf-ok);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      li {
        display: grid;
        gap: 2px;
        padding: 8px 10px;
        border: 1px solid var(--lf-line);
        border-radius: 10px;
        font-size: 13px;
      }
      li .line {
        display: flex;
        gap: 6px;
        align-items: center;
        flex-wrap: wrap;
      }
      li .who {
        font-weight: 700;
      }
      li .status {
        margin-left: auto;
      }
      li.alerted .status,
      li.declined .status {
        background: var(--lf-danger-soft);
        color: var(--lf-accent);
      }
      h3 {
        font-size: 13px;
        color: var(--lf-ink-soft);
      }
    `,
  ];

  @property({ attribute: false }) referrals: ReferralView[] = [];
  @property({ attribute: false }) rms: RmPresenceView[] = [];
  /** The server's time now (epoch ms), for the age of each referral. */
  @property({ type: Number }) now = 0;

  protected readonly locale = new LocaleController(this);

  override render() {
    return html`<h3>${t('rmsTitle')}</h3>
      <div class="rms">
        ${this.rms.map((rm) => html`<span class="rm ${rm.presence}">${rm.displayName} · ${t(`rm-${rm.presence}`)}</span>`)}
      </div>
      <h3>${t('referralsTitle')}</h3>
      ${
        this.referrals.length
          ? html`<ul>
              ${this.referrals.map((referral) => {
                const age = Math.max(0, Math.floor((this.now - Date.parse(referral.createdAt)) / 1000));
                return html`<li class=${referral.status}>
                  <div class="line">
                    <span class="who">${referral.ticketNumber ?? `${t('walkIn')}`}</span>
                    ${verdictBadge(referral.classification)}
                    <span>→ ${referral.rm.displayName}</span>
                    <span class="badge status">${t(`referral-${referral.status}`)}</span>
                  </div>
                  <div class="line muted">
                    <span>${duration(age)}</span>
                    ${referral.walkIn ? html`<span>${referral.walkIn}</span>` : nothing}
                    ${
                      referral.passedOver.length
                        ? html`<span>${t('passedOver', { names: passedOverNames(referral) })}</span>`
                        : nothing
                    }
                    ${referral.note ? html`<span>“${referral.note}”</span>` : nothing}
                  </div>
                </li>`;
              })}
            </ul>`
          : html`<p class="muted">${t('noReferrals')}</p>`
      }`;
  }
}

/** The RMs who passed a referral over, by name, in the screen's language. */
export function passedOverNames(referral: ReferralView): string {
  return (referral.passedOverNames ?? referral.passedOver).join(t('listSeparator'));
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-referral-board': ReferralBoard;
  }
}

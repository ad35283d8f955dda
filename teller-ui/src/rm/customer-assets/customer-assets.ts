import type { CustomerProfileView, TicketCustomer, TierLadder } from '@lobbyflow/contracts';
import { LocaleController, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../../shared/action-controller';
import { money } from '../../shared/format';
import { t } from '../messages';
import { sharedStyles } from '../../shared/styles';
import { actionStatus } from '../../shared/templates';

/**
 * A known customer on a referral, and on request their assets: an audited view (`GET /api/customers/:id`
 * with a reason the RM may edit), as at the teller's value panel. The figures stay until the referral
 * leaves the screen; nothing is kept elsewhere.
 */
@customElement('lf-customer-assets')
export class CustomerAssets extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 6px;
        container-type: inline-size;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .masked {
        font-family: var(--lf-font-digits);
        color: var(--lf-ink-soft);
      }
      .row {
        display: flex;
        gap: 8px;
      }
      .row input {
        flex: 1;
        min-width: 0;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 2px 12px;
        margin: 0;
        font-size: 13px;
      }
      /* Two figures a row where there is room, so that the answer buttons stay in sight. */
      @container (min-width: 480px) {
        dl {
          grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr);
        }
      }
      dt {
        color: var(--lf-ink-soft);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      dd.figure {
        font-family: var(--lf-font-digits);
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) customer!: TicketCustomer;
  @property({ attribute: false }) tierLadders: TierLadder[] = [];
  /** The reason offered for the audit log ("理财经理接待转介，票号 A001"); the RM may change it. */
  @property() defaultReason = '';

  /** The reason as the RM typed it; null while they keep the offered one (it follows the language). */
  @state() private typedReason: string | null = null;
  @state() private profile: CustomerProfileView | null = null;

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    const before = changed.get('customer') as TicketCustomer | undefined;
    if (changed.has('customer') && before && before.id !== this.customer.id) {
      this.profile = null;
      this.typedReason = null;
    }
  }

  private get reason(): string {
    return this.typedReason ?? this.defaultReason;
  }

  private async view(): Promise<void> {
    const profile = await this.actions.run(
      'assets',
      t('viewAssets'),
      () => this.api.customer(this.customer.id, this.reason.trim()),
      () => t('assetsShown'),
    );
    if (profile) this.profile = profile;
  }

  private tierName(code: string | null): string {
    if (!code) return t('unknown');
    for (const ladder of this.tierLadders) {
      const rung = ladder.rungs.find((candidate) => candidate.code === code);
      if (rung) return pick(rung.name);
    }
    return code;
  }

  override render() {
    const customer = this.customer;
    const figure = (value: number | null) => (value === null ? t('unknown') : money(value));
    const profile = this.profile;
    return html`<div class="who">
        <strong>${customer.displayName ?? ''}</strong>
        <span class="masked">${customer.masked}</span>
        ${customer.tier ? html`<span class="badge">${this.tierName(customer.tier)}</span>` : nothing}
      </div>
      ${
        profile
          ? html`<dl aria-label=${t('assetsShown')}>
              <dt>${t('monthlyAverageAssets')}</dt>
              <dd class="figure">${figure(profile.monthlyAverageAssets)}</dd>
              <dt>${t('loanBalance')}</dt>
              <dd class="figure">${figure(profile.loanBalance)}</dd>
              <dt>${t('cardSpend12m')}</dt>
              <dd class="figure">${figure(profile.cardSpend12m)}</dd>
              <dt>${t('starPoints')}</dt>
              <dd class="figure">${profile.starPoints ?? t('unknown')}</dd>
              <dt>${t('cardLevel')}</dt>
              <dd>${profile.cardLevel ? this.tierName(profile.cardLevel) : t('unknown')}</dd>
              <dt>${t('ownRm')}</dt>
              <dd>${profile.rm?.displayName ?? t('unknown')}</dd>
              <dt>${t('segment')}</dt>
              <dd>${profile.segment ?? t('unknown')}</dd>
            </dl>`
          : html`<div class="row">
              <input
                type="text"
                maxlength="200"
                aria-label=${t('assetsReason')}
                .value=${this.reason}
                @input=${(event: Event) => (this.typedReason = (event.target as HTMLInputElement).value)}
              />
              <button ?disabled=${this.actions.busy || this.reason.trim().length < 3} @click=${() => void this.view()}>
                ${t('viewAssets')}
              </button>
            </div>`
      }
      ${this.actions.report?.status === 'failed' ? actionStatus(this.actions) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-customer-assets': CustomerAssets;
  }
}

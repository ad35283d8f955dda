import type { BranchSettingsView, ReferralView } from '@lobbyflow/contracts';
import { LocaleController, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../../shared/action-controller';
import { t } from '../../shared/messages';
import { sharedStyles } from '../../shared/styles';
import { actionStatus } from '../../shared/templates';

/**
 * A customer the lobby manager noticed who has no ticket (domain.md §3 "on entry", §4): what was observed
 * (lobby-stage signals), who and where they are, whether they have time now; sent to POST /api/referrals,
 * which picks the RM. Whatever the server answers is shown as it is, refusals included.
 */
@customElement('lf-walk-in-dialog')
export class WalkInDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      label.field {
        display: grid;
        gap: 4px;
        font-size: 14px;
        color: var(--lf-ink-soft);
      }
      .row {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 8px;
      }
      button {
        min-height: 48px;
      }
      label.check {
        min-height: 44px;
      }
      .done {
        color: var(--lf-ok);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) settings: BranchSettingsView | null = null;

  @state() private ticked = new Set<string>();
  @state() private description = '';
  @state() private note = '';
  @state() private referral: ReferralView | null = null;

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);

  private close(): void {
    this.dispatchEvent(new CustomEvent('lf-close', { bubbles: true, composed: true }));
  }

  private async refer(customerHasTime: boolean): Promise<void> {
    const note = this.note.trim();
    const referral = await this.actions.run(
      'walk-in',
      t('walkInSubmit'),
      () =>
        this.api.walkInReferral({
          signals: [...this.ticked],
          description: this.description.trim(),
          customerHasTime,
          ...(note ? { note } : {}),
        }),
      (result) => t('referredNumber', { who: t('walkIn'), rm: result.rm.displayName }),
    );
    if (referral) this.referral = referral;
  }

  override render() {
    const signals = (this.settings?.identification.signals ?? []).filter((signal) => signal.stage === 'lobby');
    const ready = this.ticked.size > 0 && this.description.trim().length >= 3 && !this.actions.busy;
    return html`<div class="scrim" @click=${(event: Event) => event.target === event.currentTarget && this.close()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-label=${t('walkInTitle')}>
        <h2>${t('walkInTitle')}</h2>
        ${
          this.referral
            ? html`<p class="done" role="status">
                ✓
                ${t('referredTo', { rm: this.referral.rm.displayName, status: t(`referral-${this.referral.status}`) })}
              </p>`
            : html`
                <div>
                  ${signals.map(
                    (signal) =>
                      html`<label class="check">
                        <input
                          type="checkbox"
                          .checked=${this.ticked.has(signal.code)}
                          @change=${(event: Event) => {
                            const next = new Set(this.ticked);
                            if ((event.target as HTMLInputElement).checked) next.add(signal.code);
                            else next.delete(signal.code);
                            this.ticked = next;
                          }}
                        />
                        ${pick(signal.reason)} <span class="weight">+${signal.weight}</span>
                      </label>`,
                  )}
                </div>
                <label class="field"
                  >${t('walkInDescription')}
                  <input
                    type="text"
                    maxlength="200"
                    .value=${this.description}
                    @input=${(event: Event) => (this.description = (event.target as HTMLInputElement).value)}
                  />
                </label>
                <label class="field"
                  >${t('referNote')}
                  <input
                    type="text"
                    maxlength="200"
                    .value=${this.note}
                    @input=${(event: Event) => (this.note = (event.target as HTMLInputElement).value)}
                  />
                </label>
                <strong>${t('hasTimeQuestion')}</strong>
                <div class="row">
                  <button class="primary" ?disabled=${!ready} @click=${() => void this.refer(true)}>
                    ${t('hasTimeYes')}
                  </button>
                  <button ?disabled=${!ready} @click=${() => void this.refer(false)}>${t('hasTimeNo')}</button>
                </div>
              `
        }
        ${actionStatus(this.actions)}
        <footer><button @click=${() => this.close()}>${t('close')}</button></footer>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-walk-in-dialog': WalkInDialog;
  }
}

import type { StaffUserView } from '@lobbyflow/contracts';
import { type LiveStatus, LocaleController, setLocale } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../messages';
import { sharedStyles } from '../styles';
import { staffHeaderStyles } from './staff-header.styles';

/**
 * The bar on top of every staff screen: what this screen is, the live connection, the branch's clock, who
 * is signed in, the language switch and sign-out (`lf-sign-out` event). Screen tools go in the slot.
 */
@customElement('lf-staff-header')
export class StaffHeader extends LitElement {
  static override styles = [sharedStyles, staffHeaderStyles];

  @property() heading = '';
  @property() subheading = '';
  @property({ attribute: false }) user: StaffUserView | null = null;
  @property() live: LiveStatus | null = null;
  @property() clock = '';
  @property({ type: Boolean }) signingOut = false;

  private readonly locale = new LocaleController(this);

  override render() {
    const other = this.locale.locale === 'zh' ? 'en' : 'zh';
    return html`<header>
      <div class="title">
        <strong>${this.heading}</strong>
        ${this.subheading ? html`<small>${this.subheading}</small>` : nothing}
      </div>
      ${this.live ? html`<span class="live live-${this.live}" role="status">${t(`live-${this.live}`)}</span>` : nothing}
      <slot></slot>
      <span class="spacer"></span>
      ${this.clock ? html`<span class="clock">${this.clock}</span>` : nothing}
      ${
        this.user
          ? html`<div class="who">${this.user.displayName}<br /><span>${t(`role-${this.user.role}`)}</span></div>`
          : nothing
      }
      <button @click=${() => setLocale(other)} lang=${other === 'en' ? 'en' : 'zh-CN'}>${t('language')}</button>
      ${
        this.user
          ? html`<button
              ?disabled=${this.signingOut}
              @click=${() => this.dispatchEvent(new CustomEvent('lf-sign-out', { bubbles: true, composed: true }))}
            >
              ${t('signOut')}
            </button>`
          : nothing
      }
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-staff-header': StaffHeader;
  }
}

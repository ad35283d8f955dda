import type { RatingGrade } from '@lobbyflow/contracts';
import { catalogue, LocaleController, pick, RatingPadController, setLocale } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { deviceKey } from '../shared/device-key';
import { gradeButtons, thanksMark } from '../shared/rating-faces';
import { PAD_COPY } from './messages';
import { ratingPadStyles } from './rating-pad.styles';

const t = catalogue(PAD_COPY);

/**
 * The counter's rating pad (`/pad#key=<pad key>`): a quiet welcome until the teller asks, then three
 * large buttons for the visit being served, until the customer presses one or the window closes; then
 * a thank-you. It shows nothing about the customer and never which teller asked.
 */
@customElement('lf-rating-pad')
export class RatingPad extends LitElement {
  static override styles = ratingPadStyles;

  private readonly key = deviceKey();
  private readonly locale = new LocaleController(this);
  private readonly pad = this.key ? new RatingPadController(this, { baseUrl: '', key: this.key }) : null;

  override render() {
    const other = this.locale.locale === 'zh' ? 'en' : 'zh';
    const view = this.pad?.view;
    return html`
      <header>
        <span>${view ? `${pick(view.branch.name)} · ${pick(view.counter.name)}` : 'LobbyFlow'}</span>
        <button class="lang" lang=${other === 'en' ? 'en' : 'zh-CN'} @click=${() => setLocale(other)}>
          ${t('language')}
        </button>
      </header>
      <main>${this.renderBody()}</main>
      ${this.pad?.status === 'offline' ? html`<div class="banner" role="status">${t('offline')}</div>` : nothing}
      <footer>${t('privacy')}</footer>
    `;
  }

  private renderBody() {
    if (!this.pad) return html`<div class="sub" role="alert">${t('needsKey')}</div>`;
    if (this.pad.status === 'refused') return html`<div class="sub" role="alert">${t('refused')}</div>`;
    switch (this.pad.mode) {
      case 'asking':
        return this.renderAsk();
      case 'thanks':
        return html`<div class="thanks" role="status">
          ${thanksMark}
          <h1>${t('thanks')}</h1>
          <div class="sub">${t('thanksSub')}</div>
        </div>`;
      case 'idle':
        return html`<h1>${t('welcome')}</h1>
          <div class="sub">${t('idle')}</div>`;
    }
  }

  private renderAsk() {
    const request = this.pad?.request;
    if (!request) return nothing;
    const seconds = (this.pad?.openForMs ?? 0) / 1000;
    return html`
      <h1>${t('ask')}</h1>
      <div class="sub">${t('askNumber', { number: request.number })}</div>
      ${gradeButtons(t('ask'), (grade) => this.rate(grade))}
      <div class="countdown" aria-hidden="true"><span style="animation-duration: ${seconds}s"></span></div>
    `;
  }

  private rate(grade: RatingGrade): void {
    void this.pad?.rate(grade);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-rating-pad': RatingPad;
  }
}

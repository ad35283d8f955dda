import type { StaffingHint } from '@lobbyflow/contracts';
import { LocaleController, pick } from '@lobbyflow/ui-kit';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../shared/messages';
import { sharedStyles } from '../../shared/styles';

/** One hint's identity: the same suggestion for the same queue and counter. */
const keyOf = (hint: StaffingHint) => `${hint.kind}:${hint.queue}:${hint.counter ?? ''}`;

/**
 * The staffing hints as one compact line under the lobby's alerts, in the server's words (zh/en). The
 * manager may put a hint away; it stays away while the server keeps suggesting it, and shows again if it
 * comes back after it had gone.
 */
@customElement('lf-staffing-hints')
export class StaffingHints extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .hints {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
        padding: 6px 12px 0;
        font-size: 13px;
      }
      .title {
        font-weight: 700;
        color: var(--lf-brand-strong);
      }
      .hint {
        display: flex;
        align-items: center;
        gap: 4px;
        padding: 2px 4px 2px 10px;
        border-radius: 999px;
        background: var(--lf-brand-soft);
        color: var(--lf-brand-strong);
      }
      .hint button {
        min-height: 28px;
        min-width: 28px;
        padding: 0 8px;
        border-radius: 999px;
        background: transparent;
        border-color: transparent;
        color: inherit;
      }
    `,
  ];

  @property({ attribute: false }) hints: StaffingHint[] = [];

  @state() private dismissed = new Set<string>();

  protected readonly locale = new LocaleController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('hints')) return;
    // A hint the server no longer gives is forgotten: if it returns later, it is news again.
    const current = new Set(this.hints.map(keyOf));
    const kept = [...this.dismissed].filter((key) => current.has(key));
    if (kept.length !== this.dismissed.size) this.dismissed = new Set(kept);
  }

  override render() {
    const shown = this.hints.filter((hint) => !this.dismissed.has(keyOf(hint)));
    if (!shown.length) return nothing;
    return html`<div class="hints" role="status" aria-label=${t('staffingTitle')}>
      <span class="title">${t('staffingTitle')}</span>
      ${shown.map(
        (hint) =>
          html`<span class="hint ${hint.kind}">
            <span>${pick(hint.text)}</span>
            <button
              aria-label=${t('dismiss')}
              title=${t('dismiss')}
              @click=${() => (this.dismissed = new Set([...this.dismissed, keyOf(hint)]))}
            >
              ✕
            </button>
          </span>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-staffing-hints': StaffingHints;
  }
}

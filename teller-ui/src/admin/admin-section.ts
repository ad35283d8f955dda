import { ApiError } from '@lobbyflow/ui-kit';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { refusalDetail, refusalWords } from '../shared/templates';
import { AdminForm } from './admin-form';
import { t } from './messages';

/** An admin section (settings, queues, staff...): a form that reads its data from the server when it opens. */
export abstract class AdminSection extends AdminForm {
  /** Why the section's data could not be read, while it could not. */
  @state() protected loadError: { code: string | null; message: string } | null = null;
  @state() protected loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** Reads the section's data from the server. */
  protected abstract load(): Promise<void>;

  protected async reload(): Promise<void> {
    try {
      await this.load();
      this.loadError = null;
      this.loaded = true;
    } catch (error) {
      this.loadError = {
        code: error instanceof ApiError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** The section's body, or why it could not be read (with a retry), or "loading". */
  protected whenLoaded(body: () => unknown) {
    if (this.loadError) {
      const { lead, detail } = refusalWords(this.loadError.code, this.loadError.message);
      return html`<p class="status-line failed" role="alert">
        <span class="text">${t('loadFailed', { message: lead })}${refusalDetail(detail)}</span>
        <button @click=${() => void this.reload()}>${t('retry')}</button>
      </p>`;
    }
    return this.loaded ? body() : html`<p class="muted">${t('loading')}</p>`;
  }
}

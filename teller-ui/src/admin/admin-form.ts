import type { LocalizedText } from '@lobbyflow/contracts';
import { ApiError, LocaleController, type StaffApi } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { StaffSession } from '../app/session';
import { ActionController, WordedRefusal } from '../shared/action-controller';
import { actionStatus } from '../shared/templates';
import { sharedStyles } from '../shared/styles';
import { adminStyles } from './admin.styles';
import { FieldErrors, fieldError, problemsOf } from './field-errors';
import { t } from './messages';

/**
 * What every admin form shares: the API and the session, the pending/done/failed line of its commands
 * (one command of a name at a time: a double click never submits twice), the server's field errors of
 * the last refused submission, and fields that show those errors next to themselves.
 */
export abstract class AdminForm extends LitElement {
  static override styles = [sharedStyles, adminStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) session!: StaffSession;

  protected readonly locale = new LocaleController(this);
  protected readonly actions = new ActionController(this);
  protected readonly errors = new FieldErrors(this);

  protected get branchId(): string {
    return this.session.user.branchId;
  }

  /**
   * Submits a form: clears its field errors, runs the command as the action `name` (refused while the
   * same one runs), and on a refusal keeps each problem under its field (`prefix`: the row's path).
   */
  protected submit<T>(
    name: string,
    label: string,
    work: () => Promise<T>,
    options: { prefix?: string; describe?: (result: T) => string | null } = {},
  ): Promise<T | undefined> {
    this.errors.clear();
    return this.actions.run(
      name,
      label,
      async () => {
        try {
          return await work();
        } catch (error) {
          this.errors.record(error, options.prefix);
          const fields = problemsOf(error).length;
          if (fields === 0 || !(error instanceof ApiError)) throw error;
          // The fields say what is wrong, in the screen's language; the line on top only says where to look.
          void this.showFirstInvalidField();
          throw new WordedRefusal(error.code, t('fixFields', { count: fields }));
        }
      },
      options.describe,
    );
  }

  /** Brings the first field the server refused into view (it may be far down a long form). */
  private async showFirstInvalidField(): Promise<void> {
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  }

  /** The pending/done/failed line, when the last action is one of `names` (a form shows only its own). */
  protected statusOf(...names: string[]) {
    const report = this.actions.report;
    return report && names.includes(report.name) ? actionStatus(this.actions) : nothing;
  }

  /** The pending/done/failed line, unless the last action is one of `names` (shown by its own form). */
  protected statusExcept(...names: string[]) {
    const report = this.actions.report;
    return report && !names.includes(report.name) ? actionStatus(this.actions) : nothing;
  }

  /** A submit button: disabled and marked while its action runs. */
  protected submitButton(name: string, label: string, kind: 'primary' | 'plain' | 'danger' = 'primary') {
    const running = this.actions.isRunning(name);
    return html`<button
      type="submit"
      class="${kind === 'plain' ? '' : kind} ${running ? 'pending' : ''}"
      ?disabled=${running}
      aria-busy=${running ? 'true' : 'false'}
    >
      ${label}
    </button>`;
  }

  // Field templates: a label, the control, the server's error for that field under it.

  /** A text; `label` may be '' in a table whose header names the column (`ariaLabel` then names it). */
  protected textField(
    label: string,
    path: string,
    value: string,
    onInput: (value: string) => void,
    options: { hint?: string; ariaLabel?: string; placeholder?: string; type?: 'text' | 'password' } = {},
  ) {
    return html`<label class="field ${this.errors.has(path) ? 'invalid' : ''}">
      ${label ? html`<span class="label">${label}</span>` : nothing}
      <input
        type=${options.type ?? 'text'}
        .value=${value}
        placeholder=${options.placeholder ?? ''}
        aria-label=${options.ariaLabel ?? label}
        aria-invalid=${this.errors.has(path) ? 'true' : 'false'}
        @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
      />
      ${options.hint ? html`<small class="hint">${options.hint}</small>` : nothing} ${fieldError(this.errors, path)}
    </label>`;
  }

  /** A number; an empty box is sent as null, so that the server says what is expected. */
  protected numberField(
    label: string,
    path: string,
    value: number | null,
    onInput: (value: number | null) => void,
    options: { unit?: string; step?: string; ariaLabel?: string } = {},
  ) {
    return html`<label class="field ${this.errors.has(path) ? 'invalid' : ''}">
      ${label ? html`<span class="label">${label}</span>` : nothing}
      <span class="with-unit">
        <input
          type="number"
          step=${options.step ?? 'any'}
          aria-label=${options.ariaLabel ?? label}
          .value=${value === null || Number.isNaN(value) ? '' : String(value)}
          aria-invalid=${this.errors.has(path) ? 'true' : 'false'}
          @input=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value;
            onInput(text.trim() === '' ? null : Number(text));
          }}
        />
        ${options.unit ? html`<span class="unit">${options.unit}</span>` : nothing}
      </span>
      ${fieldError(this.errors, path)}
    </label>`;
  }

  /** A choice among codes, each shown with its name. */
  protected selectField(
    label: string,
    path: string,
    value: string,
    options: readonly { value: string; label: string }[],
    onChange: (value: string) => void,
    ariaLabel = label,
  ) {
    return html`<label class="field ${this.errors.has(path) ? 'invalid' : ''}">
      ${label ? html`<span class="label">${label}</span>` : nothing}
      <select
        aria-label=${ariaLabel}
        aria-invalid=${this.errors.has(path) ? 'true' : 'false'}
        @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
      >
        ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
      </select>
      ${fieldError(this.errors, path)}
    </label>`;
  }

  /** A name in both languages: 中文 and English side by side, each with its own error. */
  protected localizedFields(
    label: string,
    path: string,
    value: LocalizedText,
    onInput: (value: LocalizedText) => void,
  ) {
    return html`<fieldset class="pair ${this.errors.within(path) ? 'invalid' : ''}">
      <legend>${label}</legend>
      ${this.textField(t('inChinese'), `${path}.zh`, value.zh, (zh) => onInput({ ...value, zh }))}
      ${this.textField(t('inEnglish'), `${path}.en`, value.en, (en) => onInput({ ...value, en }))}
      ${fieldError(this.errors, path)}
    </fieldset>`;
  }
}

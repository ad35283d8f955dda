import {
  CONTACT_CHANNELS,
  type ContactChannel,
  FOLLOW_UP_GRADES,
  type FollowUpCadenceSpec,
  type FollowUpGrade,
  REFERRAL_OUTCOMES,
  type ReferralOutcome,
  type ReferralView,
} from '@lobbyflow/contracts';
import { nextContactDay } from '@lobbyflow/domain';
import { LocaleController, type StaffApi, pick } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../../shared/action-controller';
import { t } from '../messages';
import { sharedStyles } from '../../shared/styles';
import { actionStatus } from '../../shared/templates';
import { dayLabel, dueLabel } from '../follow-up-days';
import { gradeFormStyles } from './grade-form.styles';

/** Sent when the server has recorded the form: the referral as it is now. */
export type ReferralChangedEvent = CustomEvent<ReferralView>;

/** Products are typed as a list: "基金定投，大额存单" / "fund plan, large CD". */
const PRODUCT_SEPARATORS = /[,，、;；\n]+/;

/**
 * The RM's record of a meeting (`mode="outcome"`: converted / interested / not interested) or of a later
 * contact (`mode="contact"`: phone, visit, message, the outcome optional), with the follow-up grade A-E.
 * Each grade shows what it means and the next contact day it sets, from the branch's cadence
 * (`settings.followUp`) and the same rule the server applies (`nextContactDay`, libs/domain): the server's
 * answer is the one kept. Sends `lf-referral-changed` with the recorded referral.
 */
@customElement('lf-grade-form')
export class GradeForm extends LitElement {
  static override styles = [sharedStyles, gradeFormStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) referral!: ReferralView;
  @property({ attribute: false }) cadence: FollowUpCadenceSpec | null = null;
  /** The branch's business day: the day a grade counts from. */
  @property() today = '';
  @property() mode: 'outcome' | 'contact' = 'outcome';
  /** Offers "cancel" beside the submit button (`lf-cancel`), for a form opened on request. */
  @property({ type: Boolean }) cancellable = false;

  @state() private outcome: ReferralOutcome | null = null;
  @state() private channel: ContactChannel = 'phone';
  @state() private grade: FollowUpGrade | null = null;
  @state() private products = '';
  @state() private note = '';

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    // A contact starts from the grade the customer has; a first outcome asks for one.
    if (changed.has('referral') && this.mode === 'contact' && this.grade === null) this.grade = this.referral.grade;
  }

  private productList(): string[] {
    return this.products
      .split(PRODUCT_SEPARATORS)
      .map((product) => product.trim())
      .filter(Boolean);
  }

  private ready(): boolean {
    const products = this.productList();
    return (
      this.grade !== null &&
      (this.mode === 'contact' || this.outcome !== null) &&
      products.length <= 20 &&
      products.every((product) => product.length <= 60)
    );
  }

  private async submit(): Promise<void> {
    const grade = this.grade;
    if (!grade || !this.ready()) return;
    const products = this.productList();
    const note = this.note.trim();
    const extras = { ...(products.length ? { products } : {}), ...(note ? { note } : {}) };
    const id = this.referral.id;
    const recorded =
      this.mode === 'outcome'
        ? await this.actions.run('outcome', t('recordOutcome'), () =>
            this.api.recordOutcome(id, { outcome: this.outcome as ReferralOutcome, grade, ...extras }),
          )
        : await this.actions.run('contact', t('recordContact'), () =>
            this.api.recordContact(id, {
              channel: this.channel,
              grade,
              ...(this.outcome ? { outcome: this.outcome } : {}),
              ...extras,
            }),
          );
    if (recorded) {
      this.dispatchEvent(new CustomEvent('lf-referral-changed', { detail: recorded, bubbles: true, composed: true }));
    }
  }

  override render() {
    const contact = this.mode === 'contact';
    const running = this.actions.isRunning(contact ? 'contact' : 'outcome');
    return html`<form
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.submit();
      }}
    >
      ${contact ? this.renderChannels() : nothing} ${this.renderOutcomes(contact)} ${this.renderGrades()}
      <label class="field">
        <span>${t('productsLabel')}</span>
        <input
          type="text"
          maxlength="600"
          placeholder=${t('productsPlaceholder')}
          .value=${this.products}
          @input=${(event: Event) => (this.products = (event.target as HTMLInputElement).value)}
        />
      </label>
      ${
        this.productList().length
          ? html`<div class="chips">
              ${this.productList().map((product) => html`<span class="badge">${product}</span>`)}
            </div>`
          : nothing
      }
      <label class="field">
        <span>${t('rmNoteLabel')}</span>
        <textarea
          maxlength="500"
          rows="1"
          .value=${this.note}
          @input=${(event: Event) => (this.note = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <div class="submit">
        <button
          type="submit"
          class="primary ${running ? 'pending' : ''}"
          ?disabled=${this.actions.busy || !this.ready()}
        >
          ${contact ? t('recordContact') : t('recordOutcome')}
        </button>
        ${
          this.cancellable
            ? html`<button
                type="button"
                @click=${() => this.dispatchEvent(new CustomEvent('lf-cancel', { bubbles: true, composed: true }))}
              >
                ${t('cancel')}
              </button>`
            : nothing
        }
        ${this.ready() ? nothing : html`<span class="muted">${contact ? t('pickGrade') : t('pickOutcomeAndGrade')}</span>`}
      </div>
      ${this.actions.report ? actionStatus(this.actions) : nothing}
    </form>`;
  }

  private renderChannels() {
    return html`<fieldset>
      <legend>${t('channelLabel')}</legend>
      <div class="options">
        ${CONTACT_CHANNELS.map(
          (channel) =>
            html`<label class="option ${this.channel === channel ? 'chosen' : ''}">
              <input
                type="radio"
                name="channel"
                .checked=${this.channel === channel}
                @change=${() => (this.channel = channel)}
              />
              ${t(`channel-${channel}`)}
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderOutcomes(optional: boolean) {
    return html`<fieldset>
      <legend>${optional ? t('contactOutcomeLabel') : t('outcomeLabel')}</legend>
      <div class="options">
        ${REFERRAL_OUTCOMES.map(
          (outcome) =>
            html`<label class="option ${outcome} ${this.outcome === outcome ? 'chosen' : ''}">
              <input
                type="radio"
                name="outcome"
                .checked=${this.outcome === outcome}
                @change=${() => (this.outcome = outcome)}
              />
              ${t(`outcome-${outcome}`)}
            </label>`,
        )}
        ${
          optional
            ? html`<label class="option ${this.outcome === null ? 'chosen' : ''}">
                <input
                  type="radio"
                  name="outcome"
                  .checked=${this.outcome === null}
                  @change=${() => (this.outcome = null)}
                />
                ${t('outcomeUnchanged')}
              </label>`
            : nothing
        }
      </div>
    </fieldset>`;
  }

  private renderGrades() {
    const cadence = this.cadence;
    return html`<fieldset>
      <legend>${t('gradeLabel')}</legend>
      ${
        cadence && this.today
          ? html`<div class="grades">
              ${FOLLOW_UP_GRADES.map((grade) => {
                const next = nextContactDay(this.today, grade, cadence);
                const due = dueLabel(next, this.today);
                return html`<label class="grade ${this.grade === grade ? 'chosen' : ''}">
                  <input
                    type="radio"
                    name="grade"
                    aria-label=${t('gradeOption', { grade, meaning: pick(cadence.grades[grade].meaning) })}
                    .checked=${this.grade === grade}
                    @change=${() => (this.grade = grade)}
                  />
                  <span class="letter grade-${grade}">${grade}</span>
                  <span class="text">
                    <span class="meaning">${pick(cadence.grades[grade].meaning)}</span>
                    <span class="next"
                      >${t('nextContact', { day: dayLabel(next, this.locale.locale, this.today), due: due.text })}</span
                    >
                  </span>
                </label>`;
              })}
            </div>`
          : html`<p class="muted">${t('loading')}</p>`
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-grade-form': GradeForm;
  }
  interface HTMLElementEventMap {
    'lf-referral-changed': ReferralChangedEvent;
  }
}

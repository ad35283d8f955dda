import type { LoginResult } from '@lobbyflow/contracts';
import { LocaleController, type StaffApi, setLocale } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { rememberedCounter } from '../app/session';
import { ActionController } from '../shared/action-controller';
import { t } from '../shared/messages';
import { sharedStyles } from '../shared/styles';
import { actionStatus } from '../shared/templates';
import { loginViewStyles } from './login-view.styles';

/** Fired with the login answer and the counter code asked for (if any). */
export interface SignedInDetail {
  result: LoginResult;
  counter: string | null;
}

/**
 * Staff sign-in (POST /api/auth/login). A teller signs in at their own counter or names another; a counter
 * held by another session is refused with who holds it, and the user may take it over. Shown again over
 * the screen when a session ends (`again`): the username is kept and the counter the teller was at is
 * asked for again, so they carry on where they were.
 */
@customElement('lf-login-view')
export class LoginView extends LitElement {
  static override styles = [sharedStyles, loginViewStyles];

  @property({ attribute: false }) api!: StaffApi;
  /** Why the sign-in is asked again (session expired or taken over); empty on a first sign-in. */
  @property({ reflect: true }) again = '';
  /** After a take-over: the counter and who took it. */
  @property({ attribute: false }) replaced: { counter: string; by: string } | null = null;
  /** After an admin ended the session: why. */
  @property({ attribute: false }) endedBecause: 'deactivated' | 'role-changed' | 'password-reset' | null = null;
  @property() username = '';

  @state() private password = '';
  @state() private counter = '';
  @state() private seatTaken: string | null = null;

  private readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('username') && this.username && !this.counter) {
      this.counter = rememberedCounter(this.username) ?? '';
    }
  }

  override firstUpdated(): void {
    const first = this.renderRoot.querySelector<HTMLInputElement>(this.username ? '#password' : '#username');
    first?.focus();
  }

  private async signIn(takeOver = false): Promise<void> {
    const counter = this.counter.trim() || null;
    const result = await this.actions.run('sign-in', t('signIn'), () =>
      this.api.login({
        username: this.username.trim(),
        password: this.password,
        ...(counter ? { counter } : {}),
        ...(takeOver ? { takeOver: true } : {}),
      }),
    );
    const failure = this.actions.report;
    this.seatTaken = !result && failure?.code === 'COUNTER_SEAT_TAKEN' ? failure.message : null;
    if (!result) return;
    this.password = '';
    this.dispatchEvent(
      new CustomEvent<SignedInDetail>('lf-signed-in', { detail: { result, counter }, bubbles: true, composed: true }),
    );
  }

  private againMessage(): string {
    switch (this.again) {
      case 'SESSION_REPLACED':
        return this.replaced ? t('sessionReplacedBy', this.replaced) : t('sessionReplaced');
      case 'SESSION_ENDED':
        return this.endedBecause ? t(`sessionEnded-${this.endedBecause}`) : t('sessionExpired');
      default:
        return t('sessionExpired');
    }
  }

  override render() {
    const other = this.locale.locale === 'zh' ? 'en' : 'zh';
    return html`<form
      class="card"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.signIn();
      }}
    >
      <div class="row">
        <h1>${t('appTitle')}</h1>
        <button type="button" @click=${() => setLocale(other)}>${t('language')}</button>
      </div>
      ${this.again ? html`<p class="notice" role="alert">${this.againMessage()}</p>` : nothing}
      <label
        >${t('username')}
        <input
          id="username"
          type="text"
          autocomplete="username"
          required
          .value=${this.username}
          @input=${(event: Event) => (this.username = (event.target as HTMLInputElement).value)}
        />
      </label>
      <label
        >${t('password')}
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          .value=${this.password}
          @input=${(event: Event) => (this.password = (event.target as HTMLInputElement).value)}
        />
      </label>
      <label
        >${t('counterField')}
        <input
          id="counter"
          type="text"
          inputmode="text"
          placeholder=${t('counterHint')}
          .value=${this.counter}
          @input=${(event: Event) => (this.counter = (event.target as HTMLInputElement).value)}
        />
      </label>
      ${
        this.seatTaken
          ? html`<div class="seat" role="alert">
              <strong>${t('seatTakenTitle')}</strong>
              <span>${this.seatTaken}</span>
              <button
                type="button"
                class="danger"
                ?disabled=${this.actions.busy}
                @click=${() => void this.signIn(true)}
              >
                ${t('takeOver')}
              </button>
            </div>`
          : this.actions.report?.status === 'failed'
            ? actionStatus(this.actions)
            : nothing
      }
      <button type="submit" class="primary ${this.actions.busy ? 'pending' : ''}" ?disabled=${this.actions.busy}>
        ${this.actions.busy ? t('actionPending', { label: t('signIn') }) : t('signIn')}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-login-view': LoginView;
  }
}

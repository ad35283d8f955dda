import { LocaleController, StaffApi } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import '../admin/admin-view';
import '../lobby/lobby-view';
import type { SignedInDetail } from '../login/login-view';
import '../login/login-view';
import '../reports/reports-view';
import '../rm/rm-view';
import { ActionController } from '../shared/action-controller';
import { t } from '../shared/messages';
import { sharedStyles } from '../shared/styles';
import { actionStatus } from '../shared/templates';
import '../teller/teller-view';
import {
  type Route,
  ROUTES,
  ROUTES_BY_ROLE,
  type StaffSession,
  clearSession,
  loadSession,
  rememberCounter,
  saveSession,
  sessionFrom,
} from './session';
import { staffAppStyles } from './staff-app.styles';

/** Sent by a screen whose live connection the server refused because the session is over. */
export interface SessionEndedDetail {
  code: string;
  /** After a take-over: the counter and who took it. */
  replaced?: { counter: string; by: string };
  /** After an admin ended the session: why. */
  endedBecause?: 'deactivated' | 'role-changed' | 'password-reset';
}

/**
 * The staff console (/staff): sign-in, then the view of the signed-in role — the teller's counter, the
 * lobby manager's hall, the RM's and the admin's pages — at `#/counter`, `#/lobby`, `#/rm`, `#/admin`.
 * A view the role may not open is not shown (the server would refuse its calls anyway).
 *
 * When the session ends (token expired, counter taken over elsewhere) the sign-in comes back over the
 * screen; signing in again rebuilds the view on the new session, at the same counter.
 */
@customElement('lf-staff-app')
export class StaffApp extends LitElement {
  static override styles = [sharedStyles, staffAppStyles];

  @state() private session: StaffSession | null = loadSession();
  /** Why the session ended (`UNAUTHENTICATED`, `SESSION_REPLACED`), while the sign-in is shown again. */
  @state() private ended: SessionEndedDetail | null = null;
  @state() private route: Route | null = null;
  @state() private notice: string | null = null;

  /** Re-renders on a language switch. */
  protected readonly locale = new LocaleController(this);
  private readonly signOutAction = new ActionController(this);
  private readonly api = new StaffApi(
    '',
    () => this.session?.token ?? null,
    (error) => this.endSession({ code: error.code }),
  );
  private expiryTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.followRoute);
    this.followRoute();
    this.watchExpiry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.followRoute);
    clearTimeout(this.expiryTimer);
  }

  /** Shows the route in the address bar if the role may open it, else the role's own view. */
  private readonly followRoute = (): void => {
    if (!this.session) return;
    const allowed = ROUTES_BY_ROLE[this.session.user.role];
    const asked = location.hash.replace(/^#\/?/, '') as Route;
    if ((allowed as readonly string[]).includes(asked)) {
      this.route = asked;
      return;
    }
    if ((ROUTES as readonly string[]).includes(asked)) {
      this.notice = t('routeDenied', { route: t(`route-${asked}`) });
    }
    this.route = allowed[0];
    history.replaceState(null, '', `#/${allowed[0]}`);
  };

  private watchExpiry(): void {
    clearTimeout(this.expiryTimer);
    if (!this.session) return;
    const left = this.session.expiresAt - Date.now();
    // Timers longer than ~24.8 days overflow; a staff token lives for hours.
    this.expiryTimer = setTimeout(
      () => this.endSession({ code: 'UNAUTHENTICATED' }),
      Math.max(0, Math.min(left, 2 ** 31 - 1)),
    );
  }

  private endSession(detail: SessionEndedDetail): void {
    if (this.session && !this.ended) this.ended = detail;
  }

  private signedIn(detail: SignedInDetail): void {
    const session = sessionFrom(detail.result);
    saveSession(session);
    if (detail.counter) rememberCounter(session.user.username, detail.counter);
    this.session = session;
    this.ended = null;
    this.watchExpiry();
    this.followRoute();
  }

  private async signOut(): Promise<void> {
    const signedOut = await this.signOutAction.run('sign-out', t('signOut'), async () => {
      await this.api.logout();
      return true;
    });
    // A session the server has already ended is over here too; any other failure keeps it (try again).
    if (signedOut || this.ended) {
      clearSession();
      this.session = null;
      this.ended = null;
      clearTimeout(this.expiryTimer);
    }
  }

  override render() {
    if (!this.session) {
      return html`<lf-login-view
        .api=${this.api}
        @lf-signed-in=${(event: CustomEvent<SignedInDetail>) => this.signedIn(event.detail)}
      ></lf-login-view>`;
    }
    return html`<div
        class="view"
        ?inert=${!!this.ended}
        @lf-sign-out=${() => void this.signOut()}
        @lf-session-ended=${(event: CustomEvent<SessionEndedDetail>) => this.endSession(event.detail)}
      >
        ${keyed(this.session.token, this.renderRoute(this.session))}
      </div>
      ${
        this.signOutAction.report?.status === 'failed'
          ? html`<div class="notice">${actionStatus(this.signOutAction)}</div>`
          : nothing
      }
      ${
        this.notice
          ? html`<div class="notice" role="status">
              <span>${this.notice}</span>
              <button @click=${() => (this.notice = null)}>${t('dismiss')}</button>
            </div>`
          : nothing
      }
      ${
        this.ended
          ? html`<div class="scrim">
              <lf-login-view
                .api=${this.api}
                again=${this.ended.code}
                .replaced=${this.ended.replaced ?? null}
                .endedBecause=${this.ended.endedBecause ?? null}
                username=${this.session.user.username}
                @lf-signed-in=${(event: CustomEvent<SignedInDetail>) => this.signedIn(event.detail)}
              ></lf-login-view>
            </div>`
          : nothing
      }`;
  }

  private renderRoute(session: StaffSession) {
    switch (this.route) {
      case 'counter':
        return html`<lf-teller-view .api=${this.api} .session=${session}></lf-teller-view>`;
      case 'lobby':
        return html`<lf-lobby-view .api=${this.api} .session=${session}></lf-lobby-view>`;
      case 'rm':
        return html`<lf-rm-view .api=${this.api} .session=${session}></lf-rm-view>`;
      case 'admin':
        return html`<lf-admin-view .api=${this.api} .session=${session}></lf-admin-view>`;
      case 'reports':
        return html`<lf-reports-view .api=${this.api} .session=${session}></lf-reports-view>`;
      default:
        return html`<p class="muted">${t('loading')}</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-staff-app': StaffApp;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController } from '@lobbyflow/ui-kit';
import type { StaffSession } from '../app/session';
import '../shared/staff-header/staff-header';
import { t } from '../shared/messages';
import { sharedStyles } from '../shared/styles';

/**
 * The branch admin's view (#/admin). The admin pages (services, queues, counters, rules, staff) are still
 * to be built; until then this view says who is signed in, offers the lobby view (admins may do what the
 * lobby manager does) and sign-out.
 */
@customElement('lf-admin-view')
export class AdminView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      main {
        padding: 24px;
        max-width: 760px;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 8px 18px;
        margin: 0 0 16px;
      }
      dt {
        color: var(--lf-ink-soft);
      }
      dd {
        margin: 0;
      }
      a.button {
        display: inline-flex;
        padding: 10px 16px;
        border-radius: 10px;
        background: var(--lf-brand);
        color: #fff;
        text-decoration: none;
      }
    `,
  ];

  @property({ attribute: false }) session!: StaffSession;

  /** Re-renders on a language switch. */
  protected readonly locale = new LocaleController(this);

  override render() {
    const user = this.session.user;
    return html`<lf-staff-header heading=${t('role-admin')} .user=${user}></lf-staff-header>
      <main>
        <section class="card">
          <dl>
            <dt>${t('signedInAs')}</dt>
            <dd>${user.displayName} (${user.username})</dd>
            <dt>${t('roleLabel')}</dt>
            <dd>${t(`role-${user.role}`)}</dd>
            <dt>${t('branchLabel')}</dt>
            <dd>${user.branchId}</dd>
          </dl>
          <p>${t('adminScope')}</p>
          <a class="button" href="#/lobby">${t('openLobby')}</a>
        </section>
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-view': AdminView;
  }
}

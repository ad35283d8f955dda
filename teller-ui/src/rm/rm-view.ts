import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController } from '@lobbyflow/ui-kit';
import type { StaffSession } from '../app/session';
import '../shared/staff-header/staff-header';
import { t } from '../shared/messages';
import { sharedStyles } from '../shared/styles';

/**
 * The relationship manager's view (#/rm). The RM console — call-over alerts, answers, meetings and
 * follow-ups — is the next part of issue #6; until it lands this view says who is signed in and offers
 * sign-out, and says plainly that the console is not here yet.
 */
@customElement('lf-rm-view')
export class RmView extends LitElement {
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
    `,
  ];

  @property({ attribute: false }) session!: StaffSession;

  /** Re-renders on a language switch. */
  protected readonly locale = new LocaleController(this);

  override render() {
    const user = this.session.user;
    return html`<lf-staff-header heading=${t('role-rm')} .user=${user}></lf-staff-header>
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
          <p>${t('rmScope')}</p>
        </section>
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-rm-view': RmView;
  }
}

import { LocaleController, type StaffApi } from '@lobbyflow/ui-kit';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffSession } from '../app/session';
import '../shared/staff-header/staff-header';
import { sharedStyles } from '../shared/styles';
import { adminViewStyles } from './admin-view.styles';
import './audit/audit-section';
import './business-types/business-types-section';
import './counters/counters-section';
import './customer-import/customer-import-section';
import './devices/devices-section';
import { t } from './messages';
import './queues/queues-section';
import './rules/rules-section';
import './settings/settings-section';
import './staff/staff-section';

/** The admin console's sections, in the order of the side menu. */
export const ADMIN_SECTIONS = [
  'settings',
  'business',
  'queues',
  'counters',
  'staff',
  'devices',
  'rules',
  'import',
  'audit',
] as const;
export type AdminSectionName = (typeof ADMIN_SECTIONS)[number];

const SECTION_KEY = 'lobbyflow.admin.section';

function rememberedSection(): AdminSectionName {
  const stored = sessionStorage.getItem(SECTION_KEY);
  return (ADMIN_SECTIONS as readonly string[]).includes(stored ?? '') ? (stored as AdminSectionName) : 'settings';
}

/**
 * The branch admin's console (#/admin, desktop 1366x768 and up): a side menu of sections — branch
 * settings, business types and the diversion table, queues, counters, staff, devices, identification rules
 * and tier ladders, the customer import and the audit log — each reading and writing through the admin
 * API. The lobby view and the reports are one click away (admins may do what the lobby manager does).
 */
@customElement('lf-admin-view')
export class AdminView extends LitElement {
  static override styles = [sharedStyles, adminViewStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) session!: StaffSession;

  /** The open section; kept for the tab, so that a reload stays on it. */
  @state() private section: AdminSectionName = rememberedSection();

  /** Re-renders on a language switch. */
  protected readonly locale = new LocaleController(this);

  private open(section: AdminSectionName): void {
    this.section = section;
    sessionStorage.setItem(SECTION_KEY, section);
  }

  override render() {
    return html`<lf-staff-header
        heading=${t('adminTitle')}
        subheading=${this.session.user.branchId}
        .user=${this.session.user}
      >
        <a class="link-button" href="#/lobby">${t('route-lobby')}</a>
        <a class="link-button" href="#/reports">${t('route-reports')}</a>
      </lf-staff-header>
      <div class="console">
        <nav aria-label=${t('adminMenu')}>
          <ul>
            ${ADMIN_SECTIONS.map(
              (section) =>
                html`<li>
                  <button
                    class=${section === this.section ? 'current' : ''}
                    aria-current=${section === this.section ? 'page' : 'false'}
                    @click=${() => this.open(section)}
                  >
                    <span class="title">${t(`section-${section}`)}</span>
                    <small aria-hidden="true">${t(`sectionHint-${section}`)}</small>
                  </button>
                </li>`,
            )}
          </ul>
        </nav>
        <main>${this.renderSection()}</main>
      </div>`;
  }

  private renderSection() {
    const props = { api: this.api, session: this.session };
    switch (this.section) {
      case 'settings':
        return html`<lf-admin-settings .api=${props.api} .session=${props.session}></lf-admin-settings>`;
      case 'business':
        return html`<lf-admin-business-types .api=${props.api} .session=${props.session}></lf-admin-business-types>`;
      case 'queues':
        return html`<lf-admin-queues .api=${props.api} .session=${props.session}></lf-admin-queues>`;
      case 'counters':
        return html`<lf-admin-counters .api=${props.api} .session=${props.session}></lf-admin-counters>`;
      case 'staff':
        return html`<lf-admin-staff .api=${props.api} .session=${props.session}></lf-admin-staff>`;
      case 'devices':
        return html`<lf-admin-devices .api=${props.api} .session=${props.session}></lf-admin-devices>`;
      case 'rules':
        return html`<lf-admin-rules .api=${props.api} .session=${props.session}></lf-admin-rules>`;
      case 'import':
        return html`<lf-admin-import .api=${props.api} .session=${props.session}></lf-admin-import>`;
      case 'audit':
        return html`<lf-admin-audit .api=${props.api} .session=${props.session}></lf-admin-audit>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-view': AdminView;
  }
}

import { STAFF_ROLES, type AuditEntryView, type StaffRole } from '@lobbyflow/contracts';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../shared/styles';
import { AdminSection } from '../admin-section';
import { adminStyles } from '../admin.styles';
import { branchDateTime } from '../format';
import { t } from '../messages';

/** Entries read at a time. */
const AUDIT_PAGE = 100;

/**
 * The audit log (审计日志): every admin change and every view of a customer's assets, newest first, with
 * who, when (the branch's local time) and what.
 */
@customElement('lf-admin-audit')
export class AdminAudit extends AdminSection {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      td.when {
        white-space: nowrap;
        font-family: var(--lf-font-digits);
        font-size: 13px;
      }
      td.what {
        word-break: break-word;
      }
      footer {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-top: 12px;
      }
    `,
  ];

  @state() private entries: AuditEntryView[] = [];
  @state() private timeZone: string | undefined;
  /** The server may hold older entries than the ones shown (the last page was full). */
  @state() private more = false;

  /** Counts the reads of the first page: an older page asked for before a refresh is dropped. */
  private generation = 0;

  protected async load(): Promise<void> {
    this.generation++;
    const [entries, settings] = await Promise.all([
      this.api.auditLog(this.branchId, { limit: AUDIT_PAGE }),
      this.api.adminSettings(this.branchId),
    ]);
    this.entries = entries;
    this.more = entries.length === AUDIT_PAGE;
    this.timeZone = settings.timeZone;
  }

  /** The next page, older than the oldest entry shown. */
  private async loadOlder(): Promise<void> {
    const before = this.entries.at(-1)?.id;
    const generation = this.generation;
    const older = await this.actions.run('audit-older', t('auditOlder', { count: AUDIT_PAGE }), () =>
      this.api.auditLog(this.branchId, { before, limit: AUDIT_PAGE }),
    );
    if (!older || generation !== this.generation) return;
    this.entries = [...this.entries, ...older];
    this.more = older.length === AUDIT_PAGE;
  }

  private when(iso: string): string {
    return branchDateTime(iso, this.timeZone, 'medium');
  }

  /** A staff role's name (网点负责人); anything else (a device, the system) as recorded. */
  private roleName(role: string): string {
    return (STAFF_ROLES as readonly string[]).includes(role) ? t(`role-${role as StaffRole}`) : role;
  }

  override render() {
    return this.whenLoaded(
      () =>
        html`<section class="card">
          <header class="section-head">
            <h2>${t('section-audit')}</h2>
            <span class="muted">${t('auditCount', { count: this.entries.length })}</span>
            <span class="spacer"></span>
            <button @click=${() => void this.reload()}>${t('refresh')}</button>
          </header>
          <p class="intro">${t('auditIntro')}</p>
          <table>
            <thead>
              <tr>
                <th>${t('when')}</th>
                <th>${t('who')}</th>
                <th>${t('action')}</th>
                <th>${t('what')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.entries.map(
                (entry) =>
                  html`<tr>
                    <td class="when">${this.when(entry.at)}</td>
                    <td>
                      <span class="actor">${entry.actor ?? '—'}</span>
                      <span class="muted">${this.roleName(entry.actorRole)}</span>
                    </td>
                    <td><code>${entry.action}</code></td>
                    <td class="what">${entry.reason}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <footer>
            ${
              this.more
                ? html`<button ?disabled=${this.actions.isRunning('audit-older')} @click=${() => void this.loadOlder()}>
                    ${t('auditOlder', { count: AUDIT_PAGE })}
                  </button>`
                : html`<span class="muted">${t('auditEnd')}</span>`
            }
            ${this.statusOf('audit-older')}
          </footer>
        </section>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-audit': AdminAudit;
  }
}

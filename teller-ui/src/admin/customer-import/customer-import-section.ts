import type { ImportProblem, ImportReport } from '@lobbyflow/contracts';
import { ApiError } from '@lobbyflow/ui-kit';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { WordedRefusal } from '../../shared/action-controller';
import { sharedStyles } from '../../shared/styles';
import { actionStatus } from '../../shared/templates';
import { AdminForm } from '../admin-form';
import { adminStyles } from '../admin.styles';
import { t } from '../messages';

/** The rows a refused import lists (IMPORT_REJECTED), or none for any other refusal. */
function rejectedRows(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_REJECTED') return [];
  return Array.isArray(error.details.rejected) ? (error.details.rejected as ImportProblem[]) : [];
}

/**
 * Customer import (客户导入): the bank's customer file as CSV, all rows or none. A refused file lists every
 * bad row and field, so that it can be fixed in one go; card and ID numbers are kept only as keyed hashes.
 */
@customElement('lf-admin-import')
export class AdminImport extends AdminForm {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .picker {
        display: flex;
        gap: 12px;
        align-items: center;
        flex-wrap: wrap;
      }
      input[type='file'] {
        font: inherit;
      }
      .columns code {
        background: var(--lf-background);
        padding: 1px 5px;
        border-radius: 4px;
      }
      .report {
        display: flex;
        gap: 24px;
        font-size: 15px;
      }
      .report strong {
        font-family: var(--lf-font-digits);
        font-size: 22px;
        display: block;
      }
    `,
  ];

  @state() private file: { name: string; text: string; rows: number } | null = null;
  @state() private report: ImportReport | null = null;
  @state() private rejected: ImportProblem[] = [];

  private async pick(event: Event): Promise<void> {
    const chosen = (event.target as HTMLInputElement).files?.[0];
    this.report = null;
    this.rejected = [];
    this.actions.dismiss();
    if (!chosen) {
      this.file = null;
      return;
    }
    const text = await chosen.text();
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    this.file = { name: chosen.name, text, rows: Math.max(0, lines.length - 1) };
  }

  private async importFile(event: Event): Promise<void> {
    event.preventDefault();
    const file = this.file;
    if (!file) return;
    this.report = null;
    this.rejected = [];
    const report = await this.submit(
      'import',
      t('importCustomers'),
      async () => {
        try {
          return await this.api.importCustomers(this.branchId, file.text);
        } catch (error) {
          this.rejected = rejectedRows(error);
          if (this.rejected.length === 0 || !(error instanceof ApiError)) throw error;
          // The table below lists every problem; the line only says so.
          throw new WordedRefusal(error.code, t('importRejectedLine', { count: this.rejected.length }));
        }
      },
      { describe: (result) => t('importedCount', { rows: result.rows }) },
    );
    if (report) this.report = report;
  }

  override render() {
    return html`<section class="card">
      <header class="section-head"><h2>${t('section-import')}</h2></header>
      <p class="intro">${t('importIntro')}</p>
      <p class="intro columns">
        ${t('importColumns')}
        ${[
          'id_kind',
          'id_number',
          'display_name',
          'tier',
          'monthly_avg_assets',
          'loan_balance',
          'card_spend_12m',
          'star_points',
          'card_level',
          'rm',
          'segment',
        ].map((column) => html`<code>${column}</code> `)}
      </p>
      <form class="picker" @submit=${(event: Event) => void this.importFile(event)}>
        <label class="field">
          <span class="label">${t('customerFile')}</span>
          <input type="file" accept=".csv,text/csv" @change=${(event: Event) => void this.pick(event)} />
        </label>
        ${this.file ? html`<span class="muted">${t('fileRows', { name: this.file.name, rows: this.file.rows })}</span>` : nothing}
        <button
          type="submit"
          class="primary ${this.actions.isRunning('import') ? 'pending' : ''}"
          ?disabled=${!this.file || this.actions.isRunning('import')}
        >
          ${t('importCustomers')}
        </button>
      </form>
      ${actionStatus(this.actions)} ${this.report ? this.renderReport(this.report) : nothing}
      ${this.rejected.length > 0 ? this.renderRejected(this.rejected) : nothing}
    </section>`;
  }

  private renderReport(report: ImportReport) {
    return html`<div class="report" role="status">
      <div><strong>${report.rows}</strong>${t('importRows')}</div>
      <div><strong>${report.created}</strong>${t('importCreated')}</div>
      <div><strong>${report.updated}</strong>${t('importUpdated')}</div>
    </div>`;
  }

  private renderRejected(rejected: ImportProblem[]) {
    return html`<div class="rejected">
      <h3>${t('rejectedTitle', { count: rejected.length })}</h3>
      <table>
        <thead>
          <tr>
            <th class="num">${t('row')}</th>
            <th>${t('column')}</th>
            <th>${t('problem')}</th>
          </tr>
        </thead>
        <tbody>
          ${rejected.map(
            (problem) =>
              html`<tr>
                <td class="num">${problem.row}</td>
                <td><code>${problem.field}</code></td>
                <td>${problem.message}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-import': AdminImport;
  }
}

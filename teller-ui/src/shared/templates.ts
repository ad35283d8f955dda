import type { CustomerClass, IdentificationResult } from '@lobbyflow/contracts';
import { html, nothing } from 'lit';
import type { ActionController } from './action-controller';
import { t } from './messages';

/** The verdict as a coloured badge: 贵宾客户 / 潜在贵宾 / 普通客户. */
export function verdictBadge(classification: CustomerClass) {
  return html`<span class="badge ${classification}">${t(`verdict-${classification}`)}</span>`;
}

/** A verdict with its score against the threshold. */
export function verdictLine(identification: IdentificationResult | null) {
  if (!identification) return nothing;
  return html`${verdictBadge(identification.classification)}
    <span class="muted"
      >${t('score', { score: identification.score, threshold: identification.potentialVipScore })}</span
    >`;
}

/** The line that says what the last action is doing, did, or why it failed (with the server's message). */
export function actionStatus(actions: ActionController) {
  const report = actions.report;
  if (!report) return html`<div class="status-line" role="status"></div>`;
  const text =
    report.status === 'pending'
      ? t('actionPending', { label: report.label })
      : report.status === 'done'
        ? report.message
          ? t('actionDoneWith', { label: report.label, message: report.message })
          : t('actionDone', { label: report.label })
        : t('actionFailed', { label: report.label, message: report.message ?? '' });
  return html`<div class="status-line ${report.status}" role=${report.status === 'failed' ? 'alert' : 'status'}>
    <span>${report.status === 'pending' ? '⏳' : report.status === 'done' ? '✓' : '✕'}</span>
    <span class="text">${text}</span>
    ${report.code && report.status === 'failed' ? html`<code class="muted">${report.code}</code>` : nothing}
    ${report.status === 'failed' ? html`<button @click=${() => actions.dismiss()}>${t('dismiss')}</button>` : nothing}
  </div>`;
}

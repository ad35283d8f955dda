import type { CustomerClass, IdentificationResult, SignalDefinition } from '@lobbyflow/contracts';
import { pick } from '@lobbyflow/ui-kit';
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

/**
 * The tick boxes of the signals staff may observe at one stage (teller or lobby). A signal already counted
 * on the ticket is shown ticked and locked as "counted"; the others carry their weight.
 */
export function signalChecks(
  signals: readonly SignalDefinition[],
  counted: ReadonlySet<string>,
  ticked: ReadonlySet<string>,
  toggle: (code: string, on: boolean) => void,
) {
  return html`<div class="signals">
    ${signals.map((signal) => {
      const already = counted.has(signal.code);
      return html`<label class="check ${already ? 'counted' : ''}">
        <input
          type="checkbox"
          .checked=${already || ticked.has(signal.code)}
          ?disabled=${already}
          @change=${(event: Event) => toggle(signal.code, (event.target as HTMLInputElement).checked)}
        />
        ${pick(signal.reason)}
        <span class="weight">${already ? t('counted') : `+${signal.weight}`}</span>
      </label>`;
    })}
  </div>`;
}

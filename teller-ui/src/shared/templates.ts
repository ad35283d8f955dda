import type { CustomerClass, IdentificationResult, SignalDefinition } from '@lobbyflow/contracts';
import { errorText, getLocale, pick } from '@lobbyflow/ui-kit';
import { html, nothing } from 'lit';
import type { ActionController, ActionReport } from './action-controller';
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

/**
 * The line that says what the last action is doing, did, or why it failed. A refusal leads with the words
 * for its code in the screen's language; on a Chinese screen the server's own sentence (English, with the
 * particulars: which ticket, which counter) follows in small print.
 */
export function actionStatus(actions: ActionController) {
  const report = actions.report;
  if (!report) return html`<div class="status-line" role="status"></div>`;
  const failure = report.status === 'failed' ? failureWords(report) : null;
  const text =
    report.status === 'pending'
      ? t('actionPending', { label: report.label })
      : report.status === 'done'
        ? report.message
          ? t('actionDoneWith', { label: report.label, message: report.message })
          : t('actionDone', { label: report.label })
        : t('actionFailed', { label: report.label, message: failure?.lead ?? '' });
  return html`<div class="status-line ${report.status}" role=${report.status === 'failed' ? 'alert' : 'status'}>
    <span>${report.status === 'pending' ? '⏳' : report.status === 'done' ? '✓' : '✕'}</span>
    <span class="text">${text}${refusalDetail(failure?.detail ?? null)}</span>
    ${report.code && report.status === 'failed' ? html`<code class="muted">${report.code}</code>` : nothing}
    ${report.status === 'failed' ? html`<button @click=${() => actions.dismiss()}>${t('dismiss')}</button>` : nothing}
  </div>`;
}

/** A failed action's words: the code's in this language, and the server's sentence where it is not English. */
function failureWords(report: ActionReport): { lead: string; detail: string | null } {
  return report.worded ? { lead: report.message ?? '', detail: null } : refusalWords(report.code, report.message);
}

/** The server's own sentence in small print under a refusal's words (it is English). */
export function refusalDetail(detail: string | null) {
  return detail ? html`<small class="detail" lang="en">${detail}</small>` : nothing;
}

/**
 * What a refusal (code and the server's English sentence) says on this screen: on an English screen the
 * sentence itself; otherwise the code's words, with the sentence kept as the detail.
 */
export function refusalWords(code: string | null, message: string | null): { lead: string; detail: string | null } {
  const words = errorText(code);
  if (words && getLocale() !== 'en') return { lead: pick(words), detail: message };
  return { lead: message ?? (words ? pick(words) : ''), detail: null };
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

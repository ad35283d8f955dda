import type { RuleProblem } from '@lobbyflow/contracts';
import { ApiError, getLocale } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { html, nothing } from 'lit';

/**
 * A field path in one spelling: the server's rules write `routes[0].advice`, its body validation
 * `routes.0.advice`; both become `routes.0.advice`.
 */
export function normalizePath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/**
 * The problems of a refusal, each with the field it concerns: `details.problems` of the admin API and the
 * rules (CONFIG_INVALID, CONFIG_IN_USE, ALREADY_EXISTS, RULES_INVALID...), or `details.fields` of a body
 * that failed validation (VALIDATION_FAILED), whose message names each field ("Invalid request: name.zh
 * must be longer than ...; serviceLevelMinutes must be an integer number.").
 */
export function problemsOf(error: unknown): RuleProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = error.details.problems;
  if (Array.isArray(problems)) {
    return (problems as RuleProblem[]).map((problem) => ({
      path: normalizePath(problem.path),
      message: problem.message,
    }));
  }
  const fields = error.details.fields;
  if (Array.isArray(fields)) {
    const sentences = error.message
      .replace(/^[^:]*:\s*/, '')
      .replace(/\.$/, '')
      .split('; ');
    return (fields as string[]).map((field) => {
      const own = sentences.filter((sentence) => sentence.startsWith(`${field} `));
      return {
        path: normalizePath(field),
        message: own.length > 0 ? own.map((sentence) => sentence.slice(field.length + 1)).join('; ') : error.message,
      };
    });
  }
  return [];
}

/**
 * The server's problem sentences are English; the ones every form meets are said in Chinese too, the rest
 * stay as the server wrote them (they name the value to fix).
 */
const CHINESE: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^must be a whole number from (\d+) to (\d+)$/, (m) => `须为 ${m[1]} 至 ${m[2]} 之间的整数`],
  [/^must be longer than or equal to 1 characters$/, () => '不能为空'],
  [/^needs \{ zh, en \} text$/, () => '中文和英文都要填写'],
  [/^must be a number >= 0$/, () => '须为不小于 0 的数'],
  [/^must be a number > 0$/, () => '须为大于 0 的数'],
  [/^must be an integer number$/, () => '须为整数'],
  [/^must be a time like 00:00$/, () => '须为 00:00 这样的时间'],
  [/^unknown queue "(.*)"$/, (m) => `没有队列「${m[1]}」`],
  [/^unknown threshold "(.*)"$/, (m) => `没有金额阈值「${m[1]}」`],
];

/** A problem sentence in the screen's language where a translation is known. */
export function problemText(message: string): string {
  if (getLocale() !== 'zh') return message;
  for (const [pattern, say] of CHINESE) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return message;
}

/**
 * The field errors of a form's last refused submission, by field path, so that each shows next to its
 * field. `record` keeps the problems of a refusal; the next submission clears them.
 */
export class FieldErrors implements ReactiveController {
  private byPath = new Map<string, string[]>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Keeps the problems of a refusal, paths relative to `prefix` (a row's own fields in a list). */
  record(error: unknown, prefix = ''): void {
    this.byPath = new Map();
    for (const problem of problemsOf(error)) {
      const path = [prefix, problem.path].filter(Boolean).join('.');
      this.byPath.set(path, [...(this.byPath.get(path) ?? []), problem.message]);
    }
    this.host.requestUpdate();
  }

  clear(): void {
    if (this.byPath.size === 0) return;
    this.byPath = new Map();
    this.host.requestUpdate();
  }

  /** The messages for exactly this field (`thresholds.smallCashLimit`, `routes.0.queue`). */
  at(path: string): string[] {
    return this.byPath.get(normalizePath(path)) ?? [];
  }

  has(path: string): boolean {
    return this.at(path).length > 0;
  }

  /** True when any problem concerns this field or one inside it (a row of a table, a fieldset). */
  within(path: string): boolean {
    const prefix = normalizePath(path);
    return [...this.byPath.keys()].some((key) => key === prefix || key.startsWith(`${prefix}.`));
  }

  /**
   * The messages within `prefix` that no field of `shown` takes (`counters: counter(s) 1, 2 serve it` on a
   * queue's row), so that a row or form can show them in one place.
   */
  others(prefix: string, shown: readonly string[]): string[] {
    const base = normalizePath(prefix);
    return [...this.byPath.entries()]
      .filter(([key]) => key === base || key.startsWith(`${base}.`))
      .filter(([key]) => {
        const relative = key === base ? '' : key.slice(base.length + 1);
        return !shown.some((field) => relative === field || relative.startsWith(`${field}.`));
      })
      .flatMap(([key, messages]) =>
        messages.map((message) => (key === base ? message : `${key.slice(base.length + 1)}: ${message}`)),
      );
  }

  get any(): boolean {
    return this.byPath.size > 0;
  }

  hostConnected(): void {}
}

/** The error line under a field, or nothing. */
export function fieldError(errors: FieldErrors, path: string) {
  const messages = errors.at(path);
  if (messages.length === 0) return nothing;
  return html`<span class="field-error" role="alert" data-field=${normalizePath(path)}
    >${messages.map(problemText).join('；')}</span
  >`;
}

/** Problems of a row or form that no field of it shows, in one line. */
export function otherErrors(errors: FieldErrors, prefix: string, shown: readonly string[]) {
  const messages = errors.others(prefix, shown);
  if (messages.length === 0) return nothing;
  return html`<span class="field-error" role="alert">${messages.map(problemText).join('；')}</span>`;
}

import type { AdminSettingsPatch, AdminSettingsView, FollowUpGrade, LocalizedText } from '@lobbyflow/contracts';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { actionStatus } from '../../shared/templates';
import { sharedStyles } from '../../shared/styles';
import { AdminSection } from '../admin-section';
import { adminStyles } from '../admin.styles';
import { fieldError, otherErrors } from '../field-errors';
import { thresholdLabel, t } from '../messages';

type Editable = Omit<AdminSettingsView, 'branchId' | 'businessDay'>;

/** The settings as the form edits them: thresholds as rows, so that a name can be typed and changed. */
interface SettingsDraft extends Omit<Editable, 'thresholds'> {
  thresholds: { name: string; amount: number | null }[];
}

const GRADES: readonly FollowUpGrade[] = ['A', 'B', 'C', 'D', 'E'];

/** Settings whose problems show at a field of the form; any other problem shows above the save button. */
const SHOWN_AT_FIELDS = [
  'name',
  'timeZone',
  'dayStartsAt',
  'thresholds',
  'serviceLevelMinutes',
  'lifecycle',
  'callPolicy',
  'pauseReasons',
  'callover',
  'followUp',
  'rating',
];

function draftOf(settings: AdminSettingsView): SettingsDraft {
  const { branchId: _branchId, businessDay: _businessDay, ...editable } = structuredClone(settings);
  return {
    ...editable,
    thresholds: Object.entries(editable.thresholds).map(([name, amount]) => ({ name, amount })),
  };
}

function editableOf(draft: SettingsDraft): Editable {
  return {
    ...draft,
    thresholds: Object.fromEntries(draft.thresholds.map((row) => [row.name.trim(), row.amount as number])),
  };
}

/**
 * Branch settings (网点设置): name, time zone and day start, the diversion thresholds, service level, the
 * ticket lifecycle, the call policy, pause reasons, the RM's time to answer a call-over and the follow-up
 * cadence. Only the settings changed are sent; the server checks the result whole and answers every
 * problem with the field it concerns.
 */
@customElement('lf-admin-settings')
export class AdminSettings extends AdminSection {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .threshold {
        display: grid;
        gap: 4px;
      }
      .threshold-name {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        color: var(--lf-ink-soft);
      }
      .reason-row {
        display: grid;
        grid-template-columns: 160px 1fr 1fr auto;
        gap: 10px;
        align-items: end;
      }
      table.grades td {
        border-bottom: none;
        padding: 3px 6px;
      }
      table.grades th[scope='row'] {
        font-family: var(--lf-font-digits);
        font-size: 16px;
        border-bottom: none;
        vertical-align: middle;
      }
      label.inline {
        min-width: 220px;
      }
    `,
  ];

  @state() private saved: AdminSettingsView | null = null;
  @state() private draft: SettingsDraft | null = null;

  protected async load(): Promise<void> {
    this.show(await this.api.adminSettings(this.branchId));
  }

  private show(settings: AdminSettingsView): void {
    this.saved = settings;
    this.draft = draftOf(settings);
  }

  /** Changes the draft and re-renders (the form's fields write into it as the admin types). */
  private edit(change: (draft: SettingsDraft) => void): void {
    if (!this.draft) return;
    change(this.draft);
    this.requestUpdate();
  }

  /** The settings that differ from the saved ones, each whole (the API replaces a setting whole). */
  private changes(): AdminSettingsPatch {
    if (!this.saved || !this.draft) return {};
    const before = draftOf(this.saved);
    const after = editableOf(this.draft);
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(after) as (keyof Editable)[]) {
      const was = key === 'thresholds' ? editableOf(before).thresholds : before[key];
      if (JSON.stringify(after[key]) !== JSON.stringify(was)) patch[key] = after[key];
    }
    return patch as AdminSettingsPatch;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const patch = this.changes();
    const fields = Object.keys(patch);
    const result = await this.submit(
      'save-settings',
      t('saveSettings'),
      async () => (fields.length === 0 ? null : this.api.updateAdminSettings(this.branchId, patch)),
      { describe: (saved) => (saved ? t('savedFields', { count: fields.length }) : t('nothingChanged')) },
    );
    if (result) this.show(result);
  }

  override render() {
    return this.whenLoaded(() => {
      const draft = this.draft as SettingsDraft;
      const saved = this.saved as AdminSettingsView;
      return html`<section class="card">
        <header class="section-head">
          <h2>${t('section-settings')}</h2>
          <span class="muted">${t('businessDayNow', { day: saved.businessDay })}</span>
        </header>
        <p class="intro">${t('settingsIntro')}</p>
        <form @submit=${(event: Event) => void this.save(event)} novalidate>
          ${this.renderBranch(draft)} ${this.renderThresholds(draft)} ${this.renderHall(draft)}
          ${this.renderPauseReasons(draft)} ${this.renderFollowUp(draft)}
          ${otherErrors(this.errors, '', SHOWN_AT_FIELDS)}
          <div class="actions sticky-actions">
            ${this.submitButton('save-settings', t('saveSettings'))}
            <button type="button" @click=${() => this.show(saved)}>${t('discardChanges')}</button>
            ${actionStatus(this.actions)}
          </div>
        </form>
      </section>`;
    });
  }

  private renderBranch(draft: SettingsDraft) {
    return html`<fieldset>
      <legend>${t('branchIdentity')}</legend>
      ${this.localizedFields(t('branchName'), 'name', draft.name, (name) => this.edit((d) => (d.name = name)))}
      <div class="fields">
        ${this.textField(t('timeZone'), 'timeZone', draft.timeZone, (value) => this.edit((d) => (d.timeZone = value)), { hint: t('timeZoneHint') })}
        ${this.textField(t('dayStartsAt'), 'dayStartsAt', draft.dayStartsAt, (value) => this.edit((d) => (d.dayStartsAt = value)), { hint: t('dayStartsAtHint') })}
      </div>
    </fieldset>`;
  }

  private renderThresholds(draft: SettingsDraft) {
    return html`<fieldset class=${this.errors.within('thresholds') ? 'invalid' : ''}>
      <legend>${t('thresholds')}</legend>
      <p class="intro">${t('thresholdsIntro')}</p>
      <div class="fields">
        ${draft.thresholds.map(
          (row, index) =>
            html`<div class="threshold">
              ${this.numberField(
                thresholdLabel(row.name),
                `thresholds.${row.name.trim()}`,
                row.amount,
                (amount) => this.edit((d) => (d.thresholds[index].amount = amount)),
                { unit: t('yuan'), step: '1' },
              )}
              <div class="threshold-name">
                <code>${row.name}</code>
                <button
                  type="button"
                  class="small"
                  title=${t('removeThreshold')}
                  @click=${() => this.edit((d) => d.thresholds.splice(index, 1))}
                >
                  ${t('remove')}
                </button>
              </div>
            </div>`,
        )}
      </div>
      <div class="actions">
        <label class="field inline">
          <span class="label">${t('newThresholdName')}</span>
          <input type="text" id="new-threshold" placeholder="midCashLine" />
        </label>
        <button
          type="button"
          @click=${() => {
            const input = this.renderRoot.querySelector<HTMLInputElement>('#new-threshold');
            const name = input?.value.trim() ?? '';
            if (!name || draft.thresholds.some((row) => row.name === name)) return;
            this.edit((d) => d.thresholds.push({ name, amount: null }));
            if (input) input.value = '';
          }}
        >
          ${t('addThreshold')}
        </button>
      </div>
      ${fieldError(this.errors, 'thresholds')}
    </fieldset>`;
  }

  private renderHall(draft: SettingsDraft) {
    return html`<fieldset>
      <legend>${t('hallRules')}</legend>
      <div class="fields">
        ${this.numberField(t('serviceLevelMinutes'), 'serviceLevelMinutes', draft.serviceLevelMinutes, (value) => this.edit((d) => (d.serviceLevelMinutes = value as number)), { unit: t('minutesUnit'), step: '1' })}
        ${this.numberField(t('recallDelaySeconds'), 'lifecycle.recallDelaySeconds', draft.lifecycle.recallDelaySeconds, (value) => this.edit((d) => (d.lifecycle.recallDelaySeconds = value as number)), { unit: t('secondsUnit'), step: '1' })}
        ${this.numberField(t('noShowAfterRecalls'), 'lifecycle.noShowAfterRecalls', draft.lifecycle.noShowAfterRecalls, (value) => this.edit((d) => (d.lifecycle.noShowAfterRecalls = value as number)), { unit: t('timesUnit'), step: '1' })}
        ${this.numberField(t('returnHoldSeconds'), 'lifecycle.returnHoldSeconds', draft.lifecycle.returnHoldSeconds, (value) => this.edit((d) => (d.lifecycle.returnHoldSeconds = value as number)), { unit: t('secondsUnit'), step: '1' })}
        ${this.numberField(t('maxPriorityInRow'), 'callPolicy.maxPriorityInRow', draft.callPolicy.maxPriorityInRow, (value) => this.edit((d) => (d.callPolicy.maxPriorityInRow = value)), { unit: t('callsUnit'), step: '1' })}
        ${this.numberField(t('agingMinutes'), 'callPolicy.agingMinutes', draft.callPolicy.agingMinutes, (value) => this.edit((d) => (d.callPolicy.agingMinutes = value as number)), { unit: t('minutesUnit') })}
        ${this.numberField(t('answerSeconds'), 'callover.answerSeconds', draft.callover.answerSeconds, (value) => this.edit((d) => (d.callover.answerSeconds = value as number)), { unit: t('secondsUnit'), step: '1' })}
        ${this.numberField(t('ratingWindowSeconds'), 'rating.windowSeconds', draft.rating.windowSeconds, (value) => this.edit((d) => (d.rating.windowSeconds = value as number)), { unit: t('secondsUnit'), step: '1' })}
      </div>
      <p class="hint muted">${t('maxPriorityHint')}</p>
    </fieldset>`;
  }

  private renderPauseReasons(draft: SettingsDraft) {
    return html`<fieldset class=${this.errors.within('pauseReasons') ? 'invalid' : ''}>
      <legend>${t('pauseReasons')}</legend>
      <div class="list-rows">
        ${draft.pauseReasons.map(
          (reason, index) =>
            html`<div class="list-row compact ${this.errors.within(`pauseReasons.${index}`) ? 'invalid' : ''}">
              <div class="reason-row">
                ${this.textField(t('code'), `pauseReasons.${index}.code`, reason.code, (code) => this.edit((d) => (d.pauseReasons[index].code = code)))}
                ${this.textField(t('inChinese'), `pauseReasons.${index}.name.zh`, reason.name.zh, (zh) => this.edit((d) => (d.pauseReasons[index].name.zh = zh)))}
                ${this.textField(t('inEnglish'), `pauseReasons.${index}.name.en`, reason.name.en, (en) => this.edit((d) => (d.pauseReasons[index].name.en = en)))}
                <button type="button" class="small" @click=${() => this.edit((d) => d.pauseReasons.splice(index, 1))}>
                  ${t('remove')}
                </button>
              </div>
              ${fieldError(this.errors, `pauseReasons.${index}.name`)}
            </div>`,
        )}
      </div>
      <div class="actions">
        <button
          type="button"
          @click=${() => this.edit((d) => d.pauseReasons.push({ code: '', name: { zh: '', en: '' } }))}
        >
          ${t('addPauseReason')}
        </button>
      </div>
      ${fieldError(this.errors, 'pauseReasons')}
    </fieldset>`;
  }

  private renderFollowUp(draft: SettingsDraft) {
    const setMeaning = (grade: FollowUpGrade, meaning: LocalizedText) =>
      this.edit((d) => (d.followUp.grades[grade].meaning = meaning));
    return html`<fieldset class=${this.errors.within('followUp') ? 'invalid' : ''}>
      <legend>${t('followUp')}</legend>
      <div class="fields">
        ${this.numberField(t('firstContactDays'), 'followUp.firstContactDays', draft.followUp.firstContactDays, (value) => this.edit((d) => (d.followUp.firstContactDays = value as number)), { unit: t('daysUnit'), step: '1' })}
      </div>
      <table class="grades">
        <thead>
          <tr>
            <th>${t('grade')}</th>
            <th>${t('everyDays')}</th>
            <th>${t('meaningZh')}</th>
            <th>${t('meaningEn')}</th>
          </tr>
        </thead>
        <tbody>
          ${GRADES.map((grade) => {
            const entry = draft.followUp.grades[grade];
            const at = `followUp.grades.${grade}`;
            return html`<tr>
              <th scope="row">${grade}</th>
              <td>
                ${this.numberField('', `${at}.everyDays`, entry.everyDays, (value) => this.edit((d) => (d.followUp.grades[grade].everyDays = value as number)), { unit: t('daysUnit'), step: '1', ariaLabel: `${grade} ${t('everyDays')}` })}
              </td>
              <td>
                ${this.textField('', `${at}.meaning.zh`, entry.meaning.zh, (zh) => setMeaning(grade, { ...entry.meaning, zh }), { ariaLabel: `${grade} ${t('meaningZh')}` })}
              </td>
              <td>
                ${this.textField('', `${at}.meaning.en`, entry.meaning.en, (en) => setMeaning(grade, { ...entry.meaning, en }), { ariaLabel: `${grade} ${t('meaningEn')}` })}
                ${fieldError(this.errors, `${at}.meaning`)}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${fieldError(this.errors, 'followUp')} ${fieldError(this.errors, 'followUp.grades')}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-settings': AdminSettings;
  }
}

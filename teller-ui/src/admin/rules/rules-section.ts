import {
  CUSTOMER_METRICS,
  IDENTIFICATION_STAGES,
  type CustomerMetric,
  type IdentificationRules,
  type IdentificationStage,
  type LocalizedText,
  type SignalDefinition,
  type TierCondition,
  type TierLadder,
} from '@lobbyflow/contracts';
import { pick } from '@lobbyflow/ui-kit';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../shared/styles';
import { AdminSection } from '../admin-section';
import { adminStyles } from '../admin.styles';
import { fieldError, otherErrors } from '../field-errors';
import { t } from '../messages';

/** A ladder line as the form edits it: one lower bound (inclusive or not), an optional upper one, or card levels. */
interface ConditionDraft {
  metric: CustomerMetric;
  bound: 'atLeast' | 'above';
  value: number | null;
  below: number | null;
  /** Card level codes, comma separated. */
  oneOf: string;
}

interface RungDraft {
  code: string;
  name: LocalizedText;
  anyOf: ConditionDraft[];
}

interface LadderDraft {
  code: string;
  name: LocalizedText;
  rungs: RungDraft[];
  /** Not saved yet: the code can still be typed. */
  isNew: boolean;
}

function conditionDraft(condition: TierCondition): ConditionDraft {
  if (condition.metric === 'cardLevel') {
    return { metric: 'cardLevel', bound: 'atLeast', value: null, below: null, oneOf: condition.oneOf.join(', ') };
  }
  const bound = condition.atLeast !== undefined ? 'atLeast' : 'above';
  return {
    metric: condition.metric,
    bound,
    value: (bound === 'atLeast' ? condition.atLeast : condition.above) ?? null,
    below: condition.below ?? null,
    oneOf: '',
  };
}

/** The line as the API takes it; a box left empty goes as null, so that the server names it. */
function conditionOf(draft: ConditionDraft): TierCondition {
  if (draft.metric === 'cardLevel') {
    return { metric: 'cardLevel', oneOf: draft.oneOf.split(/[,，\s]+/).filter(Boolean) };
  }
  return {
    metric: draft.metric,
    [draft.bound]: draft.value,
    ...(draft.below === null ? {} : { below: draft.below }),
  } as TierCondition;
}

function ladderDraft(ladder: TierLadder): LadderDraft {
  return {
    code: ladder.code,
    name: { ...ladder.name },
    rungs: ladder.rungs.map((rung) => ({
      code: rung.code,
      name: { ...rung.name },
      anyOf: rung.anyOf.map(conditionDraft),
    })),
    isNew: false,
  };
}

const blankCondition = (): ConditionDraft => ({
  metric: 'monthlyAverageAssets',
  bound: 'atLeast',
  value: null,
  below: null,
  oneOf: '',
});

/**
 * Identification rules and tier ladders (识别规则): the signals with their weights, the potential-VIP score
 * and the tiers that make a VIP, saved whole as a new version; each tier ladder's rungs and lines, saved
 * whole (a ladder edit raises the rules' version too). The version in force is shown on top.
 */
@customElement('lf-admin-rules')
export class AdminRules extends AdminSection {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .version {
        font-family: var(--lf-font-digits);
        font-size: 15px;
      }
      .tiers {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
      }
      table.signals td {
        padding: 4px 6px;
      }
      table.signals td.weight {
        width: 110px;
      }
      table.signals td.stage {
        width: 150px;
      }
      .rung-head {
        display: grid;
        grid-template-columns: 200px 1fr;
        gap: 10px;
        align-items: start;
      }
      .condition {
        display: grid;
        grid-template-columns: 190px 150px 1fr 1fr auto;
        gap: 8px;
        align-items: end;
      }
      .condition.card-level {
        grid-template-columns: 190px 1fr auto;
      }
    `,
  ];

  @state() private potentialVipScore: number | null = null;
  @state() private vipTiers: string[] = [];
  @state() private signals: SignalDefinition[] = [];
  @state() private ladders: LadderDraft[] = [];
  @state() private version = 0;

  protected async load(): Promise<void> {
    const [rules, ladders] = await Promise.all([
      this.api.identificationRules(this.branchId),
      this.api.tierLadders(this.branchId),
    ]);
    this.showRules(rules);
    this.ladders = ladders.ladders.map(ladderDraft);
    this.version = ladders.version;
  }

  private showRules(rules: IdentificationRules): void {
    this.version = rules.version;
    this.potentialVipScore = rules.potentialVipScore;
    this.vipTiers = [...rules.vipTiers];
    this.signals = structuredClone(rules.signals);
  }

  private editSignal(index: number, change: Partial<SignalDefinition>): void {
    this.signals = this.signals.map((signal, at) => (at === index ? { ...signal, ...change } : signal));
  }

  private async saveRules(event: Event): Promise<void> {
    event.preventDefault();
    const saved = await this.submit(
      'save-rules',
      t('saveRules'),
      () =>
        this.api.replaceIdentificationRules(this.branchId, {
          potentialVipScore: this.potentialVipScore as number,
          vipTiers: this.vipTiers,
          signals: this.signals.map(({ group, ...signal }) => ({ ...signal, ...(group ? { group } : {}) })),
          basedOnVersion: this.version,
        }),
      { prefix: 'rules', describe: (rules) => t('versionNow', { version: rules.version }) },
    );
    if (saved) this.showRules(saved);
  }

  private async saveLadder(index: number): Promise<void> {
    const ladder = this.ladders[index];
    const code = ladder.code.trim();
    const saved = await this.submit(
      `save-ladder-${index}`,
      t('saveLadder', { name: pick(ladder.name) || code }),
      () =>
        this.api.replaceTierLadder(this.branchId, code, {
          name: ladder.name,
          rungs: ladder.rungs.map((rung) => ({
            code: rung.code.trim(),
            name: rung.name,
            anyOf: rung.anyOf.map(conditionOf),
          })),
          basedOnVersion: this.version,
        }),
      { prefix: `ladder.${index}`, describe: (view) => t('versionNow', { version: view.version }) },
    );
    if (!saved) return;
    this.version = saved.version;
    const fresh = saved.ladders.find((candidate) => candidate.code === code);
    if (fresh) this.ladders = this.ladders.map((draft, at) => (at === index ? ladderDraft(fresh) : draft));
    // The identification rules carry the same version number: read them again so a later save starts from it.
    this.showRules(await this.api.identificationRules(this.branchId));
  }

  private editLadder(index: number, change: (ladder: LadderDraft) => void): void {
    change(this.ladders[index]);
    this.requestUpdate();
  }

  override render() {
    return this.whenLoaded(
      () =>
        html`${this.renderIdentification()} ${this.ladders.map((ladder, index) => this.renderLadder(ladder, index))}
          <section class="card">
            <div class="actions">
              <button
                @click=${() => (this.ladders = [...this.ladders, { code: '', name: { zh: '', en: '' }, rungs: [{ code: '', name: { zh: '', en: '' }, anyOf: [blankCondition()] }], isNew: true }])}
              >
                ${t('addLadder')}
              </button>
            </div>
          </section>`,
    );
  }

  private renderIdentification() {
    const rungs = this.ladders.flatMap((ladder) =>
      ladder.rungs.filter((rung) => rung.code).map((rung) => ({ code: rung.code, name: rung.name })),
    );
    const tierCodes = [...new Set([...rungs.map((rung) => rung.code), ...this.vipTiers])];
    const nameOf = (code: string) => rungs.find((rung) => rung.code === code)?.name;
    return html`<section class="card">
      <header class="section-head">
        <h2>${t('identificationRules')}</h2>
        <span class="badge version">${t('ruleVersion', { version: this.version })}</span>
      </header>
      <p class="intro">${t('rulesIntro')}</p>
      <form @submit=${(event: Event) => void this.saveRules(event)} novalidate>
        <div class="fields">
          ${this.numberField(t('potentialVipScore'), 'rules.potentialVipScore', this.potentialVipScore, (score) => (this.potentialVipScore = score))}
        </div>
        <fieldset class=${this.errors.within('rules.vipTiers') ? 'invalid' : ''}>
          <legend>${t('vipTiers')}</legend>
          <div class="tiers">
            ${tierCodes.map((code) => {
              const name = nameOf(code);
              return html`<label class="check">
                <input
                  type="checkbox"
                  .checked=${this.vipTiers.includes(code)}
                  @change=${(event: Event) => {
                    const checked = (event.target as HTMLInputElement).checked;
                    this.vipTiers = checked ? [...this.vipTiers, code] : this.vipTiers.filter((tier) => tier !== code);
                  }}
                />
                ${name ? pick(name) : code} <code class="muted">${code}</code>
              </label>`;
            })}
          </div>
          ${fieldError(this.errors, 'rules.vipTiers')}
        </fieldset>
        <fieldset class=${this.errors.within('rules.signals') ? 'invalid' : ''}>
          <legend>${t('signalWeights')}</legend>
          <table class="signals">
            <thead>
              <tr>
                <th>${t('code')}</th>
                <th>${t('stage')}</th>
                <th>${t('weight')}</th>
                <th>${t('group')}</th>
                <th>${t('reasonZh')}</th>
                <th>${t('reasonEn')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${this.signals.map((signal, index) => this.renderSignal(signal, index))}
            </tbody>
          </table>
          <div class="actions">
            <button
              type="button"
              @click=${() => (this.signals = [...this.signals, { code: '', stage: 'teller', weight: 1, reason: { zh: '', en: '' } }])}
            >
              ${t('addSignalRule')}
            </button>
          </div>
          ${fieldError(this.errors, 'rules.signals')}
        </fieldset>
        ${otherErrors(this.errors, 'rules', ['potentialVipScore', 'vipTiers', 'signals'])}
        <div class="actions sticky-actions">
          ${this.submitButton('save-rules', t('saveRules'))} ${this.statusOf('save-rules')}
        </div>
      </form>
    </section>`;
  }

  private renderSignal(signal: SignalDefinition, index: number) {
    const at = `rules.signals.${index}`;
    const label = signal.code || t('newSignal');
    return html`<tr data-signal=${signal.code}>
      <td>
        ${this.textField('', `${at}.code`, signal.code, (code) => this.editSignal(index, { code }), { ariaLabel: `${label} ${t('code')}` })}
      </td>
      <td class="stage">
        ${this.selectField(
          '',
          `${at}.stage`,
          signal.stage,
          IDENTIFICATION_STAGES.map((stage) => ({ value: stage, label: t(`stage-${stage}`) })),
          (stage) => this.editSignal(index, { stage: stage as IdentificationStage }),
          `${label} ${t('stage')}`,
        )}
      </td>
      <td class="weight">
        ${this.numberField('', `${at}.weight`, signal.weight, (weight) => this.editSignal(index, { weight: weight as number }), { ariaLabel: `${label} ${t('weight')}` })}
      </td>
      <td>
        ${this.textField('', `${at}.group`, signal.group ?? '', (group) => this.editSignal(index, { group: group || undefined }), { ariaLabel: `${label} ${t('group')}` })}
      </td>
      <td>
        ${this.textField('', `${at}.reason.zh`, signal.reason.zh, (zh) => this.editSignal(index, { reason: { ...signal.reason, zh } }), { ariaLabel: `${label} ${t('reasonZh')}` })}
      </td>
      <td>
        ${this.textField('', `${at}.reason.en`, signal.reason.en, (en) => this.editSignal(index, { reason: { ...signal.reason, en } }), { ariaLabel: `${label} ${t('reasonEn')}` })}
        ${fieldError(this.errors, `${at}.reason`)}
      </td>
      <td>
        <button
          type="button"
          class="small"
          @click=${() => (this.signals = this.signals.filter((_, at) => at !== index))}
        >
          ${t('remove')}
        </button>
      </td>
    </tr>`;
  }

  private renderLadder(ladder: LadderDraft, index: number) {
    const at = `ladder.${index}`;
    const moveRung = (from: number, by: number) =>
      this.editLadder(index, (draft) => {
        const [rung] = draft.rungs.splice(from, 1);
        draft.rungs.splice(from + by, 0, rung);
      });
    return html`<section class="card" data-ladder=${ladder.code}>
      <header class="section-head">
        <h2>${ladder.isNew ? t('newLadder') : pick(ladder.name)}</h2>
        ${ladder.isNew ? nothing : html`<code class="muted">${ladder.code}</code>`}
      </header>
      <p class="intro">${t('ladderIntro')}</p>
      <form
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.saveLadder(index);
        }}
        novalidate
      >
        <div class="rung-head">
          ${ladder.isNew ? this.textField(t('code'), `${at}.code`, ladder.code, (code) => this.editLadder(index, (draft) => (draft.code = code))) : html`<span></span>`}
          ${this.localizedFields(t('ladderName'), `${at}.name`, ladder.name, (name) => this.editLadder(index, (draft) => (draft.name = name)))}
        </div>
        <div class="list-rows">
          ${ladder.rungs.map((rung, rungIndex) => {
            const rungAt = `${at}.rungs.${rungIndex}`;
            return html`<div class="list-row ${this.errors.within(rungAt) ? 'invalid' : ''}">
              <header>
                <span>${t('rungNumber', { number: rungIndex + 1 })}</span>
                <span class="spacer"></span>
                <button
                  type="button"
                  class="small"
                  ?disabled=${rungIndex === 0}
                  aria-label=${t('moveUp')}
                  @click=${() => moveRung(rungIndex, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="small"
                  ?disabled=${rungIndex === ladder.rungs.length - 1}
                  aria-label=${t('moveDown')}
                  @click=${() => moveRung(rungIndex, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="small"
                  @click=${() => this.editLadder(index, (draft) => draft.rungs.splice(rungIndex, 1))}
                >
                  ${t('remove')}
                </button>
              </header>
              <div class="rung-head">
                ${this.textField(t('tierCode'), `${rungAt}.code`, rung.code, (code) => this.editLadder(index, () => (rung.code = code)))}
                ${this.localizedFields(t('tierName'), `${rungAt}.name`, rung.name, (name) => this.editLadder(index, () => (rung.name = name)))}
              </div>
              ${rung.anyOf.map((condition, conditionIndex) => this.renderCondition(index, rung, condition, `${rungAt}.anyOf.${conditionIndex}`, conditionIndex))}
              <div class="actions">
                <button
                  type="button"
                  class="small"
                  @click=${() => this.editLadder(index, () => rung.anyOf.push(blankCondition()))}
                >
                  ${t('addCondition')}
                </button>
                ${fieldError(this.errors, `${rungAt}.anyOf`)}
              </div>
            </div>`;
          })}
        </div>
        <div class="actions">
          <button
            type="button"
            @click=${() => this.editLadder(index, (draft) => draft.rungs.push({ code: '', name: { zh: '', en: '' }, anyOf: [blankCondition()] }))}
          >
            ${t('addRung')}
          </button>
          ${fieldError(this.errors, `${at}.rungs`)}
        </div>
        ${otherErrors(this.errors, at, ['code', 'name', 'rungs'])}
        <div class="actions">
          ${this.submitButton(`save-ladder-${index}`, t('saveLadder', { name: pick(ladder.name) || ladder.code }))}
          ${this.statusOf(`save-ladder-${index}`)}
        </div>
      </form>
    </section>`;
  }

  private renderCondition(ladderIndex: number, rung: RungDraft, condition: ConditionDraft, at: string, index: number) {
    const change = (patch: Partial<ConditionDraft>) =>
      this.editLadder(ladderIndex, () => Object.assign(condition, patch));
    const metric = this.selectField(
      t('metric'),
      `${at}.metric`,
      condition.metric,
      CUSTOMER_METRICS.map((value) => ({ value, label: t(`metric-${value}`) })),
      (value) => change({ metric: value as CustomerMetric }),
    );
    const remove = html`<button
      type="button"
      class="small"
      ?disabled=${rung.anyOf.length === 1}
      @click=${() => this.editLadder(ladderIndex, () => rung.anyOf.splice(index, 1))}
    >
      ${t('remove')}
    </button>`;
    if (condition.metric === 'cardLevel') {
      return html`<div class="condition card-level">
        ${metric}
        ${this.textField(t('cardLevels'), `${at}.oneOf`, condition.oneOf, (oneOf) => change({ oneOf }), { hint: t('cardLevelsHint') })}
        ${remove}
      </div>`;
    }
    return html`<div class="condition">
        ${metric}
        ${this.selectField(
          t('lowerBound'),
          `${at}.bound`,
          condition.bound,
          [
            { value: 'atLeast', label: t('atLeast') },
            { value: 'above', label: t('above') },
          ],
          (bound) => change({ bound: bound as ConditionDraft['bound'] }),
        )}
        ${this.numberField(t('amountOrPoints'), `${at}.${condition.bound}`, condition.value, (value) => change({ value }))}
        ${this.numberField(t('below'), `${at}.below`, condition.below, (below) => change({ below }))} ${remove}
      </div>
      ${fieldError(this.errors, at)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-rules': AdminRules;
  }
}

import {
  BUSINESS_CATEGORIES,
  DESTINATIONS,
  DIVERSION_SIGNALS,
  type AdminBusinessTypeView,
  type AdminQueueView,
  type CreateBusinessTypeRequest,
  type DiversionRouteSpec,
  type RouteConditionSpec,
  type SignalRuleSpec,
} from '@lobbyflow/contracts';
import { pick } from '@lobbyflow/ui-kit';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { money } from '../../shared/format';
import { sharedStyles } from '../../shared/styles';
import { actionStatus } from '../../shared/templates';
import { AdminForm } from '../admin-form';
import { adminStyles } from '../admin.styles';
import { fieldError } from '../field-errors';
import { t } from '../messages';

/** A business type as the form edits it (the create request's shape, `icon` always present). */
type BusinessTypeDraft = Required<Omit<CreateBusinessTypeRequest, 'signals'>> & { signals: SignalRuleSpec[] };

function draftOf(type: AdminBusinessTypeView | null): BusinessTypeDraft {
  if (!type) {
    return {
      code: '',
      name: { zh: '', en: '' },
      category: 'non-cash',
      icon: 'non-cash',
      typicalServiceMinutes: 5,
      routes: [{ destination: 'open-counter', advice: { zh: '', en: '' } }],
      signals: [],
    };
  }
  const { code, name, category, icon, typicalServiceMinutes, routes, signals } = structuredClone(type);
  return { code, name, category, icon, typicalServiceMinutes, routes, signals };
}

/** A condition without its unset parts; no condition at all when nothing is set. */
function cleanCondition(when: RouteConditionSpec | undefined): RouteConditionSpec | undefined {
  if (!when) return undefined;
  const clean = Object.fromEntries(Object.entries(when).filter(([, value]) => value !== undefined && value !== ''));
  return Object.keys(clean).length > 0 ? (clean as RouteConditionSpec) : undefined;
}

function cleanRoute(route: DiversionRouteSpec): DiversionRouteSpec {
  const when = cleanCondition(route.when);
  return {
    ...(when ? { when } : {}),
    destination: route.destination,
    ...(route.destination !== 'self-service' && route.queue ? { queue: route.queue } : {}),
    advice: route.advice,
  };
}

function cleanSignal(rule: SignalRuleSpec): SignalRuleSpec {
  const when = cleanCondition(rule.when);
  return { signal: rule.signal, ...(when ? { when } : {}) };
}

/**
 * One business type and its diversion table (引导分流): names, category, typical minutes, the routes (first
 * match wins; the last is a counter for everyone, because advice is never a wall) with their conditions
 * on the card and named thresholds, destination, queue and the kiosk's sentence, and the identification
 * signals it raises. Saves the whole type; retires or reactivates it. Sends `lf-saved` with the answer.
 */
@customElement('lf-business-type-editor')
export class BusinessTypeEditor extends AdminForm {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .route-grid {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 10px;
        align-items: start;
      }
      .bands {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
        align-items: center;
        font-size: 13px;
      }
    `,
  ];

  /** The type to edit, or null for a new one. */
  @property({ attribute: false }) type: AdminBusinessTypeView | null = null;
  @property({ attribute: false }) queues: AdminQueueView[] = [];
  @property({ attribute: false }) thresholds: Record<string, number> = {};

  @state() private draft: BusinessTypeDraft = draftOf(null);

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('type')) return;
    const before = changed.get('type') as AdminBusinessTypeView | null | undefined;
    // A save answers the same type (or the one just created): its "done" line stays. Another type starts afresh.
    if (before && before.code !== this.type?.code) {
      this.errors.clear();
      this.actions.dismiss();
    }
    this.draft = draftOf(this.type);
  }

  private edit(change: (draft: BusinessTypeDraft) => void): void {
    change(this.draft);
    this.requestUpdate();
  }

  private request(): CreateBusinessTypeRequest {
    return {
      ...this.draft,
      code: this.draft.code.trim(),
      routes: this.draft.routes.map(cleanRoute),
      signals: this.draft.signals.map(cleanSignal),
    };
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const { code, ...fields } = this.request();
    const saved = await this.submit(
      'save-type',
      this.type ? t('saveBusinessType') : t('createBusinessType'),
      () =>
        this.type
          ? this.api.updateBusinessType(this.branchId, this.type.code, fields)
          : this.api.createBusinessType(this.branchId, { code, ...fields }),
      { describe: (type) => pick(type.name) },
    );
    if (saved) this.dispatchEvent(new CustomEvent('lf-saved', { detail: saved }));
  }

  /** Retires the type (the kiosk stops offering it; tickets keep it) or brings it back. */
  private async setActive(active: boolean): Promise<void> {
    const type = this.type;
    if (!type) return;
    const saved = await this.submit(active ? 'reactivate' : 'retire', active ? t('reactivate') : t('retire'), () =>
      this.api.updateBusinessType(this.branchId, type.code, { active }),
    );
    if (saved) this.dispatchEvent(new CustomEvent('lf-saved', { detail: saved }));
  }

  override render() {
    const draft = this.draft;
    const type = this.type;
    return html`<section class="card">
      <header class="section-head">
        <h2>${type ? t('editThing', { what: pick(type.name) }) : t('newBusinessType')}</h2>
        ${type && !type.active ? html`<span class="badge alert">${t('retired')}</span>` : nothing}
        <span class="spacer"></span>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('lf-close'))}>${t('close')}</button>
      </header>
      <form @submit=${(event: Event) => void this.save(event)} novalidate>
        <div class="fields">
          ${
            type
              ? html`<div class="field"><span class="label">${t('code')}</span><code>${type.code}</code></div>`
              : this.textField(t('code'), 'code', draft.code, (code) => this.edit((d) => (d.code = code)), {
                  hint: t('codeHint'),
                })
          }
          ${this.selectField(
            t('category'),
            'category',
            draft.category,
            BUSINESS_CATEGORIES.map((category) => ({ value: category, label: t(`category-${category}`) })),
            (category) => this.edit((d) => (d.category = category as BusinessTypeDraft['category'])),
          )}
          ${this.numberField(t('typicalMinutes'), 'typicalServiceMinutes', draft.typicalServiceMinutes, (minutes) => this.edit((d) => (d.typicalServiceMinutes = minutes as number)), { unit: t('minutesUnit'), step: '1' })}
          ${this.textField(t('icon'), 'icon', draft.icon, (icon) => this.edit((d) => (d.icon = icon)), { hint: t('iconHint') })}
        </div>
        ${this.localizedFields(t('name'), 'name', draft.name, (name) => this.edit((d) => (d.name = name)))}
        ${this.renderRoutes(draft)} ${this.renderSignals(draft)}
        ${
          type && type.amountBands.length > 0
            ? html`<div class="bands">
                <span class="muted">${t('kioskBands')}</span>
                ${type.amountBands.map((band) => html`<span class="badge">${band.upTo === null ? `> ${money(band.above ?? 0)}` : `≤ ${money(band.upTo)}`}</span>`)}
              </div>`
            : nothing
        }
        <div class="actions sticky-actions">
          ${this.submitButton('save-type', type ? t('saveBusinessType') : t('createBusinessType'))}
          ${
            type
              ? type.active
                ? html`<button
                    type="button"
                    class="danger"
                    ?disabled=${this.actions.isRunning('retire')}
                    @click=${() => void this.setActive(false)}
                  >
                    ${t('retire')}
                  </button>`
                : html`<button
                    type="button"
                    ?disabled=${this.actions.isRunning('reactivate')}
                    @click=${() => void this.setActive(true)}
                  >
                    ${t('reactivate')}
                  </button>`
              : nothing
          }
          ${actionStatus(this.actions)}
        </div>
      </form>
    </section>`;
  }

  private renderRoutes(draft: BusinessTypeDraft) {
    const queueOptions = [
      { value: '', label: t('noQueue') },
      ...this.queues.map((queue) => ({ value: queue.code, label: `${queue.code} · ${pick(queue.name)}` })),
    ];
    const move = (index: number, by: number) =>
      this.edit((d) => {
        const [route] = d.routes.splice(index, 1);
        d.routes.splice(index + by, 0, route);
      });
    return html`<fieldset class=${this.errors.within('routes') ? 'invalid' : ''}>
      <legend>${t('routes')}</legend>
      <p class="intro">${t('routesIntro')}</p>
      <div class="list-rows">
        ${draft.routes.map((route, index) => {
          const at = `routes.${index}`;
          return html`<div class="list-row ${this.errors.within(at) ? 'invalid' : ''}" data-route=${index}>
            <header>
              <span>${t('routeNumber', { number: index + 1 })}</span>
              <span class="spacer"></span>
              <button
                type="button"
                class="small"
                ?disabled=${index === 0}
                @click=${() => move(index, -1)}
                aria-label=${t('moveUp')}
              >
                ↑
              </button>
              <button
                type="button"
                class="small"
                ?disabled=${index === draft.routes.length - 1}
                @click=${() => move(index, 1)}
                aria-label=${t('moveDown')}
              >
                ↓
              </button>
              <button type="button" class="small" @click=${() => this.edit((d) => d.routes.splice(index, 1))}>
                ${t('remove')}
              </button>
            </header>
            <div class="route-grid">
              ${this.conditionFields(route.when, `${at}.when`, (when) => this.edit((d) => (d.routes[index].when = when)))}
              ${this.selectField(
                t('destination'),
                `${at}.destination`,
                route.destination,
                DESTINATIONS.map((destination) => ({ value: destination, label: t(`destination-${destination}`) })),
                (destination) =>
                  this.edit((d) => (d.routes[index].destination = destination as DiversionRouteSpec['destination'])),
              )}
              ${
                route.destination === 'self-service'
                  ? html`<div class="field">
                      <span class="label">${t('queue')}</span><span class="muted">${t('noQueueSelfService')}</span>
                    </div>`
                  : this.selectField(t('queue'), `${at}.queue`, route.queue ?? '', queueOptions, (queue) =>
                      this.edit((d) => (d.routes[index].queue = queue || undefined)),
                    )
              }
            </div>
            ${this.localizedFields(t('advice'), `${at}.advice`, route.advice, (advice) => this.edit((d) => (d.routes[index].advice = advice)))}
          </div>`;
        })}
      </div>
      <div class="actions">
        <button
          type="button"
          @click=${() => this.edit((d) => d.routes.push({ destination: 'open-counter', advice: { zh: '', en: '' } }))}
        >
          ${t('addRoute')}
        </button>
      </div>
      ${fieldError(this.errors, 'routes')}
    </fieldset>`;
  }

  private renderSignals(draft: BusinessTypeDraft) {
    return html`<fieldset class=${this.errors.within('signals') ? 'invalid' : ''}>
      <legend>${t('signals')}</legend>
      <p class="intro">${t('signalsIntro')}</p>
      <div class="list-rows">
        ${draft.signals.length === 0 ? html`<p class="empty">${t('noSignals')}</p>` : nothing}
        ${draft.signals.map((rule, index) => {
          const at = `signals.${index}`;
          return html`<div class="list-row ${this.errors.within(at) ? 'invalid' : ''}">
            <div class="route-grid">
              ${this.selectField(
                t('signal'),
                `${at}.signal`,
                rule.signal,
                DIVERSION_SIGNALS.map((signal) => ({ value: signal, label: t(`signal-${signal}`) })),
                (signal) => this.edit((d) => (d.signals[index].signal = signal as SignalRuleSpec['signal'])),
              )}
              ${this.conditionFields(rule.when, `${at}.when`, (when) => this.edit((d) => (d.signals[index].when = when)))}
              <div class="field">
                <span class="label">&nbsp;</span>
                <button type="button" class="small" @click=${() => this.edit((d) => d.signals.splice(index, 1))}>
                  ${t('remove')}
                </button>
              </div>
            </div>
          </div>`;
        })}
      </div>
      <div class="actions">
        <button type="button" @click=${() => this.edit((d) => d.signals.push({ signal: 'large-cash' }))}>
          ${t('addSignal')}
        </button>
      </div>
      ${fieldError(this.errors, 'signals')}
    </fieldset>`;
  }

  /** Card (any / with / without) and the named thresholds the amount must be at most or at least. */
  private conditionFields(
    when: RouteConditionSpec | undefined,
    path: string,
    onChange: (when: RouteConditionSpec | undefined) => void,
  ) {
    const condition = when ?? {};
    const thresholdOptions = [
      { value: '', label: t('noCondition') },
      ...Object.entries(this.thresholds).map(([name, amount]) => ({
        value: name,
        label: `${name} (${money(amount)})`,
      })),
    ];
    const card = condition.hasCard === undefined ? '' : condition.hasCard ? 'yes' : 'no';
    return html`${this.selectField(
      t('hasCard'),
      `${path}.hasCard`,
      card,
      [
        { value: '', label: t('noCondition') },
        { value: 'yes', label: t('withCard') },
        { value: 'no', label: t('withoutCard') },
      ],
      (value) => onChange(cleanCondition({ ...condition, hasCard: value === '' ? undefined : value === 'yes' })),
    )}
    ${this.selectField(
      t('amountAtMost'),
      `${path}.amountAtMost`,
      condition.amountAtMost ?? '',
      thresholdOptions,
      (value) => onChange(cleanCondition({ ...condition, amountAtMost: value || undefined })),
    )}
    ${this.selectField(
      t('amountAtLeast'),
      `${path}.amountAtLeast`,
      condition.amountAtLeast ?? '',
      thresholdOptions,
      (value) => onChange(cleanCondition({ ...condition, amountAtLeast: value || undefined })),
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-business-type-editor': BusinessTypeEditor;
  }
}

import {
  COUNTER_KINDS,
  type AdminCounterView,
  type AdminQueueView,
  type CounterKind,
  type CreateCounterRequest,
} from '@lobbyflow/contracts';
import { pick } from '@lobbyflow/ui-kit';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../shared/styles';
import { AdminSection } from '../admin-section';
import { adminStyles } from '../admin.styles';
import { fieldError, otherErrors } from '../field-errors';
import { t } from '../messages';

const COUNTER_FIELDS = ['code', 'name', 'kind', 'queues'];

const blankCounter = (): CreateCounterRequest => ({ code: '', name: { zh: '', en: '' }, kind: 'open', queues: [] });

/**
 * Counters and RM desks (柜台): the queues each serves with a weight (higher: served sooner there; the next
 * call-next uses them at once), its name and kind; close a counter (it cannot call) and open it again.
 */
@customElement('lf-admin-counters')
export class AdminCounters extends AdminSection {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .counters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(420px, 1fr));
        gap: 12px;
      }
      .serves {
        display: grid;
        grid-template-columns: 1fr 110px auto;
        gap: 6px 8px;
        align-items: end;
      }
      .closed {
        opacity: 0.8;
      }
      .status-open {
        background: var(--lf-ok-soft);
        color: var(--lf-ok);
      }
      .status-paused {
        background: var(--lf-warn-soft);
        color: var(--lf-warn);
      }
      .status-closed {
        background: var(--lf-danger-soft);
        color: var(--lf-accent);
      }
    `,
  ];

  @state() private counters: AdminCounterView[] = [];
  @state() private queues: AdminQueueView[] = [];
  @state() private drafts = new Map<string, CreateCounterRequest>();
  @state() private fresh: CreateCounterRequest = blankCounter();

  protected async load(): Promise<void> {
    const [counters, queues] = await Promise.all([this.api.counters(this.branchId), this.api.queues(this.branchId)]);
    this.queues = queues;
    this.show(counters);
  }

  private show(counters: AdminCounterView[]): void {
    this.counters = counters;
    this.drafts = new Map(
      counters.map(({ id, code, name, kind, queues }) => [id, structuredClone({ code, name, kind, queues })]),
    );
  }

  private replace(saved: AdminCounterView): void {
    this.show(this.counters.map((counter) => (counter.id === saved.id ? saved : counter)));
  }

  private async save(counter: AdminCounterView): Promise<void> {
    const { code: _code, ...patch } = this.drafts.get(counter.id) as CreateCounterRequest;
    const saved = await this.submit(
      `save-${counter.id}`,
      t('saveCounter', { code: counter.code }),
      () => this.api.updateCounter(this.branchId, counter.id, patch),
      {
        prefix: `row.${counter.id}`,
      },
    );
    if (saved) this.replace(saved);
  }

  private async setOpen(counter: AdminCounterView, open: boolean): Promise<void> {
    const label = open ? t('openCounter', { code: counter.code }) : t('closeCounter', { code: counter.code });
    const saved = await this.submit(
      `status-${counter.id}`,
      label,
      () => (open ? this.api.openCounter(this.branchId, counter.id) : this.api.closeCounter(this.branchId, counter.id)),
      { prefix: `row.${counter.id}` },
    );
    if (saved) this.replace(saved);
  }

  private async create(event: Event): Promise<void> {
    event.preventDefault();
    const request = { ...this.fresh, code: this.fresh.code.trim() };
    const created = await this.submit(
      'create-counter',
      t('createCounter'),
      () => this.api.createCounter(this.branchId, request),
      {
        prefix: 'new',
        describe: (counter) => counter.code,
      },
    );
    if (created) {
      this.show([...this.counters, created]);
      this.fresh = blankCounter();
    }
  }

  override render() {
    return this.whenLoaded(
      () =>
        html`<section class="card">
            <header class="section-head"><h2>${t('section-counters')}</h2></header>
            <p class="intro">${t('countersIntro')}</p>
            ${this.statusExcept('create-counter')}
            <div class="counters">${this.counters.map((counter) => this.renderCounter(counter))}</div>
          </section>
          <section class="card new-counter">
            <header class="section-head"><h2>${t('newCounter')}</h2></header>
            <form @submit=${(event: Event) => void this.create(event)} novalidate>
              ${this.renderFields('new', this.fresh, true, () => this.requestUpdate())}
              <div class="actions">
                ${this.submitButton('create-counter', t('createCounter'))} ${this.statusOf('create-counter')}
              </div>
              ${otherErrors(this.errors, 'new', COUNTER_FIELDS)}
            </form>
          </section>`,
    );
  }

  private renderCounter(counter: AdminCounterView) {
    const draft = this.drafts.get(counter.id) as CreateCounterRequest;
    const at = `row.${counter.id}`;
    const statusAction = `status-${counter.id}`;
    return html`<div
      class="list-row ${counter.status === 'closed' ? 'closed' : ''} ${this.errors.within(at) ? 'invalid' : ''}"
      data-counter=${counter.code}
    >
      <header>
        <span>${pick(counter.name)}</span>
        <code>${counter.code}</code>
        <span class="badge status-${counter.status}">${t(`counterStatus-${counter.status}`)}</span>
        <span class="spacer"></span>
        ${
          counter.status === 'closed'
            ? html`<button
                class="small"
                ?disabled=${this.actions.isRunning(statusAction)}
                @click=${() => void this.setOpen(counter, true)}
              >
                ${t('openForService')}
              </button>`
            : html`<button
                class="small danger"
                ?disabled=${this.actions.isRunning(statusAction)}
                @click=${() => void this.setOpen(counter, false)}
              >
                ${t('closeForService')}
              </button>`
        }
      </header>
      ${this.renderFields(at, draft, false, () => this.requestUpdate())}
      <div class="actions">
        <button
          class="primary"
          ?disabled=${this.actions.isRunning(`save-${counter.id}`)}
          @click=${() => void this.save(counter)}
        >
          ${t('save')}
        </button>
        ${otherErrors(this.errors, at, COUNTER_FIELDS)}
      </div>
    </div>`;
  }

  /** Code (new counters only), names, kind, and the queues served with their weights. */
  private renderFields(at: string, draft: CreateCounterRequest, isNew: boolean, changed: () => void) {
    const edit = (apply: () => void) => {
      apply();
      changed();
    };
    const unserved = this.queues.filter((queue) => !draft.queues.some((entry) => entry.queue === queue.code));
    return html`<div class="fields">
        ${isNew ? this.textField(t('code'), `${at}.code`, draft.code, (code) => edit(() => (draft.code = code)), { hint: t('counterCodeHint') }) : nothing}
        ${this.selectField(
          t('counterKind'),
          `${at}.kind`,
          draft.kind,
          COUNTER_KINDS.map((kind) => ({ value: kind, label: t(`counterKind-${kind}`) })),
          (kind) => edit(() => (draft.kind = kind as CounterKind)),
        )}
      </div>
      ${this.localizedFields(t('name'), `${at}.name`, draft.name, (name) => edit(() => (draft.name = name)))}
      <fieldset class=${this.errors.within(`${at}.queues`) ? 'invalid' : ''}>
        <legend>${t('queuesServed')}</legend>
        <div class="serves">
          ${draft.queues.map(
            (entry, index) =>
              html`<div class="field">
                  <span class="label">${t('queue')}</span>
                  <strong>${entry.queue} · ${this.queueName(entry.queue)}</strong>
                  ${fieldError(this.errors, `${at}.queues.${index}.queue`)}
                </div>
                ${this.numberField(t('weight'), `${at}.queues.${index}.weight`, entry.weight, (weight) => edit(() => (entry.weight = weight as number)), { ariaLabel: `${entry.queue} ${t('weight')}` })}
                <button type="button" class="small" @click=${() => edit(() => draft.queues.splice(index, 1))}>
                  ${t('remove')}
                </button>`,
          )}
        </div>
        ${
          unserved.length > 0
            ? html`<div class="actions">
                <select
                  aria-label=${t('addQueueServed')}
                  @change=${(event: Event) => {
                    const select = event.target as HTMLSelectElement;
                    if (select.value) edit(() => draft.queues.push({ queue: select.value, weight: 1 }));
                    select.value = '';
                  }}
                >
                  <option value="">${t('addQueueServed')}</option>
                  ${unserved.map((queue) => html`<option value=${queue.code}>${queue.code} · ${pick(queue.name)}</option>`)}
                </select>
              </div>`
            : nothing
        }
        ${fieldError(this.errors, `${at}.queues`)}
      </fieldset>`;
  }

  private queueName(code: string): string {
    const queue = this.queues.find((candidate) => candidate.code === code);
    return queue ? pick(queue.name) : code;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-counters': AdminCounters;
  }
}

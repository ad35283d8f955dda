import { DESTINATIONS, type AdminQueueView, type CreateQueueRequest, type Destination } from '@lobbyflow/contracts';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../shared/styles';
import { actionStatus } from '../../shared/templates';
import { AdminSection } from '../admin-section';
import { adminStyles } from '../admin.styles';
import { fieldError, otherErrors } from '../field-errors';
import { t } from '../messages';

/** A queue leads to a counter: self-service needs no ticket, so it is not offered. */
const QUEUE_DESTINATIONS = DESTINATIONS.filter((destination) => destination !== 'self-service');

/** The fields a queue's row shows errors beside; any other problem shows at the row's buttons. */
const QUEUE_FIELDS = ['prefix', 'name', 'destination'];

const blankQueue = (): CreateQueueRequest => ({
  code: '',
  prefix: '',
  name: { zh: '', en: '' },
  destination: 'open-counter',
});

/**
 * Queues and their ticket prefixes (队列与号段): each row is edited where it stands and saved on its own; a
 * new prefix carries the day's numbering on (A007, then N008). A queue in use cannot be deleted: the
 * server says what uses it.
 */
@customElement('lf-admin-queues')
export class AdminQueues extends AdminSection {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      td input {
        min-width: 0;
      }
      td.prefix input {
        width: 80px;
        font-family: var(--lf-font-digits);
      }
      tfoot td {
        border-bottom: none;
        background: var(--lf-background);
      }
    `,
  ];

  @state() private queues: AdminQueueView[] = [];
  /** The rows as edited, by queue code. */
  @state() private drafts = new Map<string, CreateQueueRequest>();
  @state() private fresh: CreateQueueRequest = blankQueue();
  /** The queue whose delete waits for a second press. */
  @state() private confirmingDelete: string | null = null;

  protected async load(): Promise<void> {
    this.show(await this.api.queues(this.branchId));
  }

  private show(queues: AdminQueueView[]): void {
    this.queues = queues;
    this.drafts = new Map(
      queues.map(({ code, prefix, name, destination }) => [code, structuredClone({ code, prefix, name, destination })]),
    );
  }

  private edit(code: string, change: (draft: CreateQueueRequest) => void): void {
    const draft = this.drafts.get(code);
    if (!draft) return;
    change(draft);
    this.requestUpdate();
  }

  private async save(code: string): Promise<void> {
    const { code: _code, ...patch } = this.drafts.get(code) as CreateQueueRequest;
    const saved = await this.submit(
      `save-${code}`,
      t('saveQueue', { code }),
      () => this.api.updateQueue(this.branchId, code, patch),
      {
        prefix: `row.${code}`,
      },
    );
    if (saved) this.show(this.queues.map((queue) => (queue.code === code ? saved : queue)));
  }

  private async create(event: Event): Promise<void> {
    event.preventDefault();
    const request = { ...this.fresh, code: this.fresh.code.trim(), prefix: this.fresh.prefix.trim() };
    const created = await this.submit(
      'create-queue',
      t('createQueue'),
      () => this.api.createQueue(this.branchId, request),
      {
        prefix: 'new',
        describe: (queue) => queue.code,
      },
    );
    if (created) {
      this.show([...this.queues, created]);
      this.fresh = blankQueue();
    }
  }

  private async removeQueue(code: string): Promise<void> {
    if (this.confirmingDelete !== code) {
      this.confirmingDelete = code;
      return;
    }
    this.confirmingDelete = null;
    const removed = await this.submit(
      `delete-${code}`,
      t('deleteQueue', { code }),
      async () => {
        await this.api.deleteQueue(this.branchId, code);
        return true;
      },
      { prefix: `row.${code}` },
    );
    if (removed) this.show(this.queues.filter((queue) => queue.code !== code));
  }

  override render() {
    return this.whenLoaded(
      () =>
        html`<section class="card">
          <header class="section-head"><h2>${t('section-queues')}</h2></header>
          <p class="intro">${t('queuesIntro')}</p>
          <table>
            <thead>
              <tr>
                <th>${t('code')}</th>
                <th>${t('prefix')}</th>
                <th>${t('nameZh')}</th>
                <th>${t('nameEn')}</th>
                <th>${t('destination')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${this.queues.map((queue) => this.renderRow(queue.code))}
            </tbody>
            <tfoot>
              ${this.renderNewRow()}
            </tfoot>
          </table>
          ${actionStatus(this.actions)}
        </section>`,
    );
  }

  private renderRow(code: string) {
    const draft = this.drafts.get(code) as CreateQueueRequest;
    const at = `row.${code}`;
    return html`<tr data-queue=${code}>
      <td><code>${code}</code></td>
      <td class="prefix">
        ${this.textField('', `${at}.prefix`, draft.prefix, (prefix) => this.edit(code, (d) => (d.prefix = prefix)), { ariaLabel: `${code} ${t('prefix')}` })}
      </td>
      <td>
        ${this.textField('', `${at}.name.zh`, draft.name.zh, (zh) => this.edit(code, (d) => (d.name.zh = zh)), { ariaLabel: `${code} ${t('nameZh')}` })}
      </td>
      <td>
        ${this.textField('', `${at}.name.en`, draft.name.en, (en) => this.edit(code, (d) => (d.name.en = en)), { ariaLabel: `${code} ${t('nameEn')}` })}
        ${fieldError(this.errors, `${at}.name`)}
      </td>
      <td>
        ${this.destinationSelect(`${at}.destination`, draft.destination, (destination) => this.edit(code, (d) => (d.destination = destination)), code)}
      </td>
      <td>
        <div class="row-buttons">
          <button
            class="primary"
            ?disabled=${this.actions.isRunning(`save-${code}`)}
            @click=${() => void this.save(code)}
          >
            ${t('save')}
          </button>
          <button
            class="danger ${this.confirmingDelete === code ? 'solid' : ''}"
            ?disabled=${this.actions.isRunning(`delete-${code}`)}
            @click=${() => void this.removeQueue(code)}
          >
            ${this.confirmingDelete === code ? t('confirmDelete', { what: code }) : t('delete')}
          </button>
        </div>
        ${otherErrors(this.errors, at, QUEUE_FIELDS)}
      </td>
    </tr>`;
  }

  private renderNewRow() {
    const draft = this.fresh;
    const change = (apply: (d: CreateQueueRequest) => void) => {
      apply(this.fresh);
      this.requestUpdate();
    };
    return html`<tr>
      <td>
        ${this.textField('', 'new.code', draft.code, (code) => change((d) => (d.code = code)), { ariaLabel: t('newQueueCode'), placeholder: t('code') })}
      </td>
      <td class="prefix">
        ${this.textField('', 'new.prefix', draft.prefix, (prefix) => change((d) => (d.prefix = prefix)), { ariaLabel: t('newQueuePrefix'), placeholder: 'Q' })}
      </td>
      <td>
        ${this.textField('', 'new.name.zh', draft.name.zh, (zh) => change((d) => (d.name.zh = zh)), { ariaLabel: t('newQueueNameZh'), placeholder: t('nameZh') })}
      </td>
      <td>
        ${this.textField('', 'new.name.en', draft.name.en, (en) => change((d) => (d.name.en = en)), { ariaLabel: t('newQueueNameEn'), placeholder: t('nameEn') })}
        ${fieldError(this.errors, 'new.name')}
      </td>
      <td>
        ${this.destinationSelect('new.destination', draft.destination, (destination) => change((d) => (d.destination = destination)), t('newQueue'))}
      </td>
      <td>
        <form @submit=${(event: Event) => void this.create(event)} class="row-buttons">
          ${this.submitButton('create-queue', t('createQueue'))}
        </form>
        ${otherErrors(this.errors, 'new', ['code', ...QUEUE_FIELDS])}
      </td>
    </tr>`;
  }

  private destinationSelect(
    path: string,
    value: Destination,
    onChange: (destination: Destination) => void,
    what: string,
  ) {
    return this.selectField(
      '',
      path,
      value,
      QUEUE_DESTINATIONS.map((destination) => ({ value: destination, label: t(`destination-${destination}`) })),
      (destination) => onChange(destination as Destination),
      `${what} ${t('destination')}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-queues': AdminQueues;
  }
}

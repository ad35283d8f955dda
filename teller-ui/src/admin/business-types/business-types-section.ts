import type { AdminBusinessTypeView, AdminQueueView } from '@lobbyflow/contracts';
import { pick } from '@lobbyflow/ui-kit';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section';
import { t } from '../messages';
import './business-type-editor';

/**
 * Business types and the diversion table (业务与分流): every type with where the kiosk sends it; open one
 * to edit its names, category, typical time, routes and signals, or retire it; add a new one.
 */
@customElement('lf-admin-business-types')
export class AdminBusinessTypes extends AdminSection {
  @state() private types: AdminBusinessTypeView[] = [];
  @state() private queues: AdminQueueView[] = [];
  @state() private thresholds: Record<string, number> = {};
  /** The type being edited: its code, 'new' for a new one, or null. */
  @state() private editing: string | null = null;

  protected async load(): Promise<void> {
    const [types, queues, settings] = await Promise.all([
      this.api.businessTypes(this.branchId),
      this.api.queues(this.branchId),
      this.api.adminSettings(this.branchId),
    ]);
    this.types = types;
    this.queues = queues;
    this.thresholds = settings.thresholds;
  }

  private saved(type: AdminBusinessTypeView): void {
    const known = this.types.some((candidate) => candidate.code === type.code);
    this.types = known
      ? this.types.map((candidate) => (candidate.code === type.code ? type : candidate))
      : [...this.types, type];
    this.editing = type.code;
  }

  private open(code: string | null): void {
    this.editing = code;
    if (code)
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector('lf-business-type-editor')?.scrollIntoView({ block: 'start' }),
      );
  }

  override render() {
    return this.whenLoaded(
      () =>
        html`<section class="card">
            <header class="section-head">
              <h2>${t('section-business')}</h2>
              <span class="spacer"></span>
              <button class="primary" @click=${() => this.open('new')}>${t('newBusinessType')}</button>
            </header>
            <p class="intro">${t('businessIntro')}</p>
            <table>
              <thead>
                <tr>
                  <th>${t('code')}</th>
                  <th>${t('name')}</th>
                  <th>${t('category')}</th>
                  <th class="num">${t('typicalMinutes')}</th>
                  <th>${t('routesSummary')}</th>
                  <th>${t('state')}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${this.types.map(
                  (type) =>
                    html`<tr class="${type.active ? '' : 'retired'} ${this.editing === type.code ? 'selected' : ''}">
                      <td><code>${type.code}</code></td>
                      <td>${pick(type.name)}</td>
                      <td>${t(`category-${type.category}`)}</td>
                      <td class="num">${type.typicalServiceMinutes}</td>
                      <td>
                        ${type.routes.map((route) => html`<span class="badge">${t(`destination-${route.destination}`)}${route.queue ? ` · ${route.queue}` : ''}</span> `)}
                      </td>
                      <td>${type.active ? t('active') : html`<span class="badge alert">${t('retired')}</span>`}</td>
                      <td>
                        <div class="row-buttons">
                          <button
                            aria-label=${t('editThing', { what: pick(type.name) })}
                            @click=${() => this.open(type.code)}
                          >
                            ${t('edit')}
                          </button>
                        </div>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </section>
          ${this.editing ? this.renderEditor(this.editing) : nothing}`,
    );
  }

  private renderEditor(editing: string) {
    const type = editing === 'new' ? null : (this.types.find((candidate) => candidate.code === editing) ?? null);
    return html`<lf-business-type-editor
      .api=${this.api}
      .session=${this.session}
      .type=${type}
      .queues=${this.queues}
      .thresholds=${this.thresholds}
      @lf-saved=${(event: CustomEvent<AdminBusinessTypeView>) => this.saved(event.detail)}
      @lf-close=${() => (this.editing = null)}
    ></lf-business-type-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-admin-business-types': AdminBusinessTypes;
  }
}

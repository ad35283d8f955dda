import {
  type CounterKpis,
  type FunnelKpis,
  type KpiFigures,
  type KpiGroup,
  type KpiReport,
  type LocalizedText,
  RATING_GRADES,
  type RatingGrade,
} from '@lobbyflow/contracts';
import { LocaleController, pick, type ReportRange, type StaffApi } from '@lobbyflow/ui-kit';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffSession } from '../app/session';
import { ActionController } from '../shared/action-controller';
import '../shared/staff-header/staff-header';
import { sharedStyles } from '../shared/styles';
import { actionStatus } from '../shared/templates';
import type { ChartSeries } from './kpi-chart/kpi-chart';
import './kpi-chart/kpi-chart';
import { sourceLabel, t } from './messages';
import { addDays, count, durationCells, hourRange, minutes, percent } from './report-data';
import { reportsViewStyles } from './reports-view.styles';

/** Names of the codes a report groups by, in both languages (a language switch renames them). */
interface Names {
  queues: Map<string, LocalizedText>;
  businessTypes: Map<string, LocalizedText>;
  counters: Map<string, LocalizedText>;
  pauseReasons: Map<string, LocalizedText>;
}

/** Each grade's colour: a theme custom property, so that a rebrand recolours the chart. */
const GRADE_COLORS: Record<RatingGrade, string> = {
  satisfied: '--lf-ok',
  'basically-satisfied': '--lf-brand',
  dissatisfied: '--lf-accent',
};

const NO_NAMES: Names = { queues: new Map(), businessTypes: new Map(), counters: new Map(), pauseReasons: new Map() };

/**
 * The branch's report page (#/reports, lobby manager and admin): the KPIs of a range of business days
 * (today by default) as the server computes them from its event log — totals, waiting and service time,
 * service level, the diversion rate, tables by queue, business type, counter (utilisation, pauses), staff
 * and hour, the referral funnel, the customers' ratings — with charts of waits and tickets by hour, of the
 * funnel and of the ratings by counter, and the
 * same figures as a CSV file.
 */
@customElement('lf-reports-view')
export class ReportsView extends LitElement {
  static override styles = [sharedStyles, reportsViewStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) session!: StaffSession;

  @state() private report: KpiReport | null = null;
  @state() private from = '';
  @state() private to = '';
  @state() private names: Names = NO_NAMES;
  /** The branch's business day now (learnt from the first report, which is today's). */
  private today: string | null = null;

  protected readonly locale = new LocaleController(this);
  private readonly actions = new ActionController(this);

  private get branchId(): string {
    return this.session.user.branchId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.show({});
    void this.loadNames();
  }

  /** Reads the report of the range (the branch's today when none is given) and puts its days in the pickers. */
  private async show(range: ReportRange): Promise<void> {
    const report = await this.actions.run('load', t('loadReport'), () => this.api.kpis(this.branchId, range));
    if (!report) return;
    // A report without a range is today's: its day is the branch's today, which the presets count back from.
    if (!range.from && !range.to) this.today = report.to;
    this.report = report;
    this.from = report.from;
    this.to = report.to;
  }

  /** The names of what the report groups by; a code stays as it is where its name cannot be read. */
  private async loadNames(): Promise<void> {
    const [queues, businessTypes, counters, settings] = await Promise.all([
      this.api.queues(this.branchId).catch(() => []),
      this.api.businessTypes(this.branchId).catch(() => []),
      this.api.counters(this.branchId).catch(() => []),
      this.api.settings(this.branchId).catch(() => null),
    ]);
    this.names = {
      queues: new Map(queues.map((queue) => [queue.code, queue.name])),
      businessTypes: new Map(businessTypes.map((type) => [type.code, type.name])),
      counters: new Map(counters.map((counter) => [counter.code, counter.name])),
      pauseReasons: new Map((settings?.pauseReasons ?? []).map((reason) => [reason.code, reason.name])),
    };
  }

  /** The last `days` business days up to the branch's today. */
  private lastDays(days: number): void {
    const today = this.today ?? this.to;
    void this.show({ from: addDays(today, 1 - days), to: today });
  }

  /**
   * Saves the CSV of the range shown. The download needs the staff token, so the file is fetched here
   * and handed to the browser as a Blob URL; a byte-order mark lets Excel read the Chinese names.
   */
  private async downloadCsv(): Promise<void> {
    const range = { from: this.from, to: this.to };
    const csv = await this.actions.run('csv', t('downloadCsv'), () => this.api.kpisCsv(this.branchId, range));
    if (csv === undefined) return;
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `lobbyflow-${this.branchId}-kpis-${range.from}_${range.to}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  override render() {
    const user = this.session.user;
    const home =
      user.role === 'admin'
        ? { href: '#/admin', label: t('backToAdmin') }
        : { href: '#/lobby', label: t('backToLobby') };
    return html`<lf-staff-header heading=${t('reportsTitle')} subheading=${user.branchId} .user=${user}>
        <a class="link-button" href=${home.href}>${home.label}</a>
      </lf-staff-header>
      <main>
        ${this.renderToolbar()}
        ${this.report ? this.renderReport(this.report) : html`<p class="muted">${t('loading')}</p>`}
      </main>`;
  }

  private renderToolbar() {
    const loading = this.actions.isRunning('load');
    return html`<form
      class="toolbar card"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.show({ from: this.from, to: this.to });
      }}
    >
      <label
        >${t('from')}
        <input
          type="date"
          .value=${this.from}
          max=${this.to}
          @change=${(event: Event) => (this.from = (event.target as HTMLInputElement).value)}
      /></label>
      <label
        >${t('to')}
        <input
          type="date"
          .value=${this.to}
          min=${this.from}
          @change=${(event: Event) => (this.to = (event.target as HTMLInputElement).value)}
      /></label>
      <button type="submit" class="primary" ?disabled=${loading}>${t('showReport')}</button>
      <span class="presets">
        <button type="button" ?disabled=${loading} @click=${() => this.lastDays(1)}>${t('today')}</button>
        <button type="button" ?disabled=${loading} @click=${() => this.lastDays(7)}>${t('last7')}</button>
        <button type="button" ?disabled=${loading} @click=${() => this.lastDays(30)}>${t('last30')}</button>
      </span>
      <span class="spacer"></span>
      <button
        type="button"
        ?disabled=${!this.report || this.actions.isRunning('csv')}
        @click=${() => void this.downloadCsv()}
      >
        ⬇ ${t('downloadCsv')}
      </button>
      ${this.actions.report?.status === 'failed' || this.actions.report?.status === 'pending' ? actionStatus(this.actions) : nothing}
    </form>`;
  }

  private renderReport(report: KpiReport) {
    const at = new Date(report.generatedAt).toLocaleTimeString('zh-CN', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: report.timeZone,
    });
    const line = report.from === report.to ? 'oneDayLine' : 'rangeLine';
    return html`<p class="muted range">${t(line, { from: report.from, to: report.to, zone: report.timeZone, at })}</p>
      ${this.renderTotals(report)} ${this.renderCharts(report)} ${this.renderRatings(report)}
      <div class="tables">
        ${this.groupTable(t('byQueue'), report.by.queue, (key) => `${key} · ${this.named(this.names.queues, key)}`)}
        ${this.groupTable(t('byBusinessType'), report.by.businessType, (key) => this.named(this.names.businessTypes, key))}
      </div>
      ${this.counterTable(report)}
      <div class="tables">
        ${this.groupTable(t('byStaff'), report.by.staff, (key) => key)}
        ${this.groupTable(t('byHour'), report.by.hour, (key) => t('hourLabel', { hour: key }))}
      </div>
      ${this.renderReferrals(report)}`;
  }

  /** A code's name where it is known ("现金业务"), else the code itself. */
  private named(names: Map<string, LocalizedText>, code: string): string {
    const name = names.get(code);
    return name ? pick(name) : code;
  }

  private renderTotals(report: KpiReport) {
    const totals = report.totals;
    const level = totals.serviceLevel;
    const diversion = report.diversion;
    return html`<div class="totals">
      <section class="card figures" aria-label=${t('visitsTitle')}>
        <h2>${t('visitsTitle')}</h2>
        <dl>
          ${this.figure(t('issued'), count(totals.issued), 'issued')}
          ${this.figure(t('served'), count(totals.served), 'served')}
          ${this.figure(t('noShow'), count(totals.noShow), 'no-show')}
          ${this.figure(t('cancelled'), count(totals.cancelled), 'cancelled')}
          ${this.figure(t('expired'), count(totals.expired), 'expired')}
          ${this.figure(t('openNow'), count(totals.open), 'open')}
        </dl>
      </section>
      ${this.durationCard(t('waitStatsTitle'), totals.waiting, 'waiting')}
      ${this.durationCard(t('serviceTitle'), totals.service, 'service')}
      <section class="card headline" data-figure="service-level">
        <h2>${t('serviceLevelTitle')}</h2>
        <strong>${percent(level.share)}</strong>
        <span class="muted"
          >${t('serviceLevelLine', { within: level.within, of: level.of, target: level.targetMinutes })}</span
        >
      </section>
      <section class="card headline" data-figure="diversion">
        <h2>${t('diversionTitle')}</h2>
        <strong>${percent(diversion.rate)}</strong>
        <span class="muted"
          >${t('diversionLine', { advised: diversion.advised, accepted: diversion.accepted, declined: diversion.declined })}</span
        >
        <span class="muted">${t('redirectedLine', { count: diversion.redirected })}</span>
      </section>
    </div>`;
  }

  private figure(label: string, value: string, name: string) {
    return html`<div class="figure" data-figure=${name}>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  private durationCard(title: string, stats: KpiFigures['waiting'], name: string) {
    const [mean, median, p90, max] = durationCells(stats);
    return html`<section class="card figures" data-figure=${name}>
      <h2>${title}</h2>
      <dl>
        ${this.figure(t('mean'), mean, `${name}-mean`)} ${this.figure(t('median'), median, `${name}-median`)}
        ${this.figure(t('p90'), p90, `${name}-p90`)} ${this.figure(t('max'), max, `${name}-max`)}
        ${this.figure(t('count'), count(stats.count), `${name}-count`)}
      </dl>
    </section>`;
  }

  private renderCharts(report: KpiReport) {
    const hours = hourRange(report.by.hour);
    const labels = hours.map(({ hour }) => t('hourLabel', { hour }));
    const waits: ChartSeries[] = [
      {
        label: t('meanWait'),
        data: hours.map(({ group }) => group?.figures.waiting.mean ?? null),
        color: '--lf-brand',
      },
      { label: t('p90Wait'), data: hours.map(({ group }) => group?.figures.waiting.p90 ?? null), color: '--lf-warn' },
    ];
    const issued: ChartSeries[] = [
      { label: t('issued'), data: hours.map(({ group }) => group?.figures.issued ?? 0), color: '--lf-brand' },
    ];
    const funnel = report.referrals.total;
    const steps = ['flagged', 'alerted', 'met', 'converted'] as const;
    return html`<div class="charts">
      <section class="card chart">
        <h2>${t('waitsByHour')}</h2>
        <lf-kpi-chart
          class="waits"
          .labels=${labels}
          .series=${waits}
          unit=${t('minutesAxis')}
          summary=${t('waitsChartSummary')}
        ></lf-kpi-chart>
      </section>
      <section class="card chart">
        <h2>${t('issuedByHour')}</h2>
        <lf-kpi-chart
          class="issued"
          .labels=${labels}
          .series=${issued}
          unit=${t('peopleAxis')}
          summary=${t('issuedChartSummary')}
        ></lf-kpi-chart>
      </section>
      <section class="card chart">
        <h2>${t('funnelChart')}</h2>
        <lf-kpi-chart
          class="funnel"
          .labels=${steps.map((step) => t(step))}
          .series=${[{ label: t('total'), data: steps.map((step) => funnel[step]), color: '--lf-ok' }]}
          unit=${t('referralsAxis')}
          summary=${t('funnelChartSummary', { ...funnel })}
        ></lf-kpi-chart>
      </section>
    </div>`;
  }

  /** The rating distribution (domain.md §8): the satisfied share, the counts, and each counter's grades. */
  private renderRatings(report: KpiReport) {
    const ratings = report.totals.ratings;
    const counters = report.by.counter;
    const series: ChartSeries[] = RATING_GRADES.map((grade) => ({
      label: t(`grade-${grade}`),
      data: counters.map((group) => group.figures.ratings.counts[grade]),
      color: GRADE_COLORS[grade],
    }));
    return html`<div class="charts ratings">
      <section class="card headline" data-figure="ratings">
        <h2>${t('ratingsTitle')}</h2>
        <strong>${percent(ratings.shares.satisfied)}</strong>
        <span class="muted"
          >${t('ratingsLine', {
            satisfied: ratings.counts.satisfied,
            basically: ratings.counts['basically-satisfied'],
            dissatisfied: ratings.counts.dissatisfied,
            rated: ratings.rated,
            asked: ratings.asked,
          })}</span
        >
        <span class="muted">${t('ratingsPerVisit', { value: ratings.perServedVisit?.toFixed(2) ?? '—' })}</span>
      </section>
      <section class="card chart">
        <h2>${t('ratingsByCounter')}</h2>
        <lf-kpi-chart
          class="ratings"
          .labels=${counters.map((group) => this.named(this.names.counters, group.key))}
          .series=${series}
          unit=${t('ratingsAxis')}
          summary=${t('ratingsChartSummary')}
        ></lf-kpi-chart>
      </section>
    </div>`;
  }

  private groupTable(title: string, groups: KpiGroup[], name: (key: string) => string) {
    return html`<section class="card table" data-table=${title}>
      <h2>${title}</h2>
      ${
        groups.length === 0
          ? html`<p class="muted">${t('noData')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>${t('group')}</th>
                  <th class="num">${t('issued')}</th>
                  <th class="num">${t('served')}</th>
                  <th class="num">${t('noShow')}</th>
                  <th class="num">${t('waitMean')}</th>
                  <th class="num">${t('waitP90')}</th>
                  <th class="num">${t('serviceMean')}</th>
                  <th class="num">${t('serviceLevelShort')}</th>
                </tr>
              </thead>
              <tbody>
                ${groups.map(
                  ({ key, figures }) =>
                    html`<tr>
                      <td>${name(key)}</td>
                      <td class="num">${figures.issued}</td>
                      <td class="num">${figures.served}</td>
                      <td class="num">${figures.noShow}</td>
                      <td class="num">${minutes(figures.waiting.mean)}</td>
                      <td class="num">${minutes(figures.waiting.p90)}</td>
                      <td class="num">${minutes(figures.service.mean)}</td>
                      <td class="num">${percent(figures.serviceLevel.share)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }

  /** Counters: the figures of the waits they ended, with busy time, utilisation and pauses by reason. */
  private counterTable(report: KpiReport) {
    const kpis = new Map<string, CounterKpis>(report.counters.map((counter) => [counter.counter, counter]));
    const codes = [...new Set([...report.by.counter.map((group) => group.key), ...kpis.keys()])].sort((a, b) =>
      a.localeCompare(b, 'zh-CN', { numeric: true }),
    );
    const figures = new Map(report.by.counter.map((group) => [group.key, group.figures]));
    return html`<section class="card table" data-table=${t('byCounter')}>
      <h2>${t('byCounter')}</h2>
      ${
        codes.length === 0
          ? html`<p class="muted">${t('noData')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>${t('group')}</th>
                  <th class="num">${t('served')}</th>
                  <th class="num">${t('noShow')}</th>
                  <th class="num">${t('waitMean')}</th>
                  <th class="num">${t('serviceMean')}</th>
                  <th class="num">${t('busyMinutes')}</th>
                  <th class="num">${t('utilisation')}</th>
                  <th class="num">${t('pausedMinutes')}</th>
                  <th>${t('pausedByReason')}</th>
                </tr>
              </thead>
              <tbody>
                ${codes.map((code) => {
                  const own = figures.get(code);
                  const counter = kpis.get(code);
                  const pauses = Object.entries(counter?.pausedByReason ?? {});
                  return html`<tr>
                    <td>${this.named(this.names.counters, code)}</td>
                    <td class="num">${own?.served ?? 0}</td>
                    <td class="num">${own?.noShow ?? 0}</td>
                    <td class="num">${minutes(own?.waiting.mean)}</td>
                    <td class="num">${minutes(own?.service.mean)}</td>
                    <td class="num">${minutes(counter?.busyMinutes)}</td>
                    <td class="num">${percent(counter?.utilisation)}</td>
                    <td class="num">${minutes(counter?.pausedMinutes)}</td>
                    <td>
                      ${
                        pauses.length === 0
                          ? html`<span class="muted">${t('noPauses')}</span>`
                          : pauses.map(
                              ([reason, length]) =>
                                html`<span class="badge">${this.pauseReason(reason)} ${minutes(length)}′</span> `,
                            )
                      }
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private pauseReason(code: string): string {
    const name = this.names.pauseReasons.get(code);
    return name ? pick(name) : code;
  }

  private renderReferrals(report: KpiReport) {
    const { total, byRm, bySource } = report.referrals;
    return html`<section class="card table" data-table=${t('referralFunnelTitle')}>
      <h2>${t('referralFunnelTitle')}</h2>
      <div class="tables">
        ${this.funnelTable(t('byRm'), [...byRm, { ...total, key: t('total') }], (key) => key)}
        ${this.funnelTable(t('bySource'), bySource, sourceLabel)}
      </div>
    </section>`;
  }

  private funnelTable(title: string, rows: FunnelKpis[], name: (key: string) => string) {
    return html`<div>
      <h3>${title}</h3>
      <table>
        <thead>
          <tr>
            <th>${t('group')}</th>
            <th class="num">${t('flagged')}</th>
            <th class="num">${t('alerted')}</th>
            <th class="num">${t('met')}</th>
            <th class="num">${t('converted')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <td>${name(row.key)}</td>
                <td class="num">${row.flagged}</td>
                <td class="num">${row.alerted}</td>
                <td class="num">${row.met}</td>
                <td class="num">${row.converted}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-reports-view': ReportsView;
  }
}

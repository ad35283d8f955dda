import type { Chart, ChartConfiguration } from 'chart.js';
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

let chartJs: Promise<typeof import('chart.js')> | null = null;

/**
 * Chart.js, loaded when the first chart is drawn (only the report page draws any, so the counter and the
 * lobby never download it), with only what the report uses registered.
 */
function loadChartJs(): Promise<typeof import('chart.js')> {
  chartJs ??= import('chart.js').then((module) => {
    module.Chart.register(
      module.BarController,
      module.BarElement,
      module.CategoryScale,
      module.LinearScale,
      module.Legend,
      module.Tooltip,
    );
    return module;
  });
  return chartJs;
}

/** One series of bars; `color` names a theme custom property (`--lf-brand`), so a rebrand recolours it. */
export interface ChartSeries {
  label: string;
  data: (number | null)[];
  color: string;
}

/**
 * A bar chart of the report (Chart.js on a canvas): categories along the bottom, one or more series. The
 * colours and the font come from the theme's custom properties; the chart is drawn without animation (a
 * report is read, not watched) and follows its box's size.
 */
@customElement('lf-kpi-chart')
export class KpiChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      height: 240px;
      min-width: 0;
    }
    canvas {
      display: block;
    }
  `;

  @property({ attribute: false }) labels: string[] = [];
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** The value axis' title ("分钟", "人"). */
  @property() unit = '';
  /** What the chart shows, for screen readers (a canvas says nothing by itself). */
  @property() summary = '';

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart: Chart<'bar'> | null = null;

  override render() {
    return html`<canvas role="img" aria-label=${this.summary}></canvas>`;
  }

  protected override updated(): void {
    void this.draw();
  }

  private async draw(): Promise<void> {
    const { Chart } = await loadChartJs();
    if (!this.isConnected) return;
    const configuration = this.configuration();
    if (!this.chart) {
      this.chart = new Chart(this.canvas, configuration);
      return;
    }
    this.chart.data = configuration.data;
    this.chart.options = configuration.options ?? {};
    this.chart.update();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  private configuration(): ChartConfiguration<'bar'> {
    const theme = getComputedStyle(this);
    const themed = (name: string, fallback: string) => theme.getPropertyValue(name).trim() || fallback;
    const ink = themed('--lf-ink-soft', '#53627a');
    const line = themed('--lf-line', '#d6dee8');
    // The theme's font (CJK first): a canvas does not inherit it from the page.
    const font = { family: themed('--lf-font', 'sans-serif'), size: 12 };
    return {
      type: 'bar',
      data: {
        labels: this.labels,
        datasets: this.series.map((series) => ({
          label: series.label,
          data: series.data,
          backgroundColor: themed(series.color, '#0b4f8a'),
          borderRadius: 3,
          maxBarThickness: 28,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: this.series.length > 1, labels: { color: ink, boxWidth: 14, font } },
          tooltip: { enabled: true },
        },
        scales: {
          x: { ticks: { color: ink, font }, grid: { display: false } },
          y: {
            beginAtZero: true,
            ticks: { color: ink, precision: 0, font },
            grid: { color: line },
            title: { display: this.unit !== '', text: this.unit, color: ink, font },
          },
        },
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-kpi-chart': KpiChart;
  }
}

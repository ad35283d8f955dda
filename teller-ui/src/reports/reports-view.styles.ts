import { css } from 'lit';

/** The report page: desktop and the lobby manager's tablet (1024 wide and up). */
export const reportsViewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  main {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 16px 20px 40px;
    display: grid;
    /* Each block as tall as its content: the page scrolls, a card never shrinks to fit the screen. */
    grid-auto-rows: max-content;
    gap: 14px;
    align-content: start;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }
  .toolbar label {
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: 14px;
    color: var(--lf-ink-soft);
  }
  .toolbar input[type='date'] {
    font: inherit;
    color: var(--lf-ink);
    padding: 6px 8px;
    border: 1px solid var(--lf-line);
    border-radius: 8px;
  }
  .toolbar .presets {
    display: flex;
    gap: 6px;
  }
  .toolbar .spacer {
    flex: 1;
  }
  .toolbar .status-line {
    flex-basis: 100%;
  }
  p.range {
    margin: 0;
    font-size: 13px;
  }
  .totals {
    display: grid;
    grid-template-columns: 1.5fr 1.25fr 1.25fr 0.9fr 1.1fr;
    gap: 12px;
  }
  .figures dl {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 8px 12px;
    margin: 8px 0 0;
  }
  .figure dt {
    font-size: 12px;
    color: var(--lf-ink-soft);
  }
  .figure dd {
    margin: 0;
    font-family: var(--lf-font-digits);
    font-size: 22px;
    font-weight: 700;
    color: var(--lf-ink);
  }
  .headline {
    display: grid;
    gap: 4px;
    align-content: start;
  }
  .headline strong {
    font-family: var(--lf-font-digits);
    font-size: 34px;
    color: var(--lf-brand-strong);
  }
  .headline .muted {
    font-size: 12px;
    line-height: 1.4;
  }
  .charts {
    display: grid;
    grid-template-columns: 1.3fr 1fr 1fr;
    gap: 12px;
  }
  .charts.ratings {
    margin-top: 12px;
    grid-template-columns: 1fr 2.3fr;
  }
  .chart {
    display: grid;
    gap: 8px;
    min-width: 0;
  }
  .tables {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(440px, 1fr));
    gap: 12px;
    align-items: start;
  }
  .table {
    display: grid;
    gap: 8px;
    min-width: 0;
    overflow-x: auto;
  }
  h3 {
    font-size: 14px;
    color: var(--lf-ink-soft);
    margin: 4px 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  th {
    text-align: left;
    font-weight: 600;
    color: var(--lf-ink-soft);
    border-bottom: 2px solid var(--lf-line);
    padding: 5px 6px;
    white-space: nowrap;
  }
  td {
    border-bottom: 1px solid var(--lf-line);
    padding: 5px 6px;
  }
  .num {
    text-align: right;
  }
  td.num {
    font-family: var(--lf-font-digits);
  }
  td:first-child {
    min-width: 7em;
  }
  @media (max-width: 1200px) {
    .totals {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .charts {
      grid-template-columns: 1fr 1fr;
    }
  }
`;

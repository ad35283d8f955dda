import { css } from 'lit';

/** Forms, tables and field errors of the admin sections (desktop, 1366x768 and up). */
export const adminStyles = css`
  :host {
    display: grid;
    gap: 16px;
    align-content: start;
  }
  section.card {
    display: grid;
    gap: 14px;
    padding: 18px 20px;
  }
  header.section-head {
    display: flex;
    align-items: baseline;
    gap: 12px;
    flex-wrap: wrap;
  }
  header.section-head h2 {
    font-size: 19px;
    color: var(--lf-ink);
  }
  header.section-head .spacer {
    flex: 1;
  }
  h3 {
    font-size: 15px;
    color: var(--lf-ink-soft);
    font-weight: 600;
  }
  p.intro {
    margin: 0;
    color: var(--lf-ink-soft);
    font-size: 14px;
    max-width: 80ch;
  }
  form {
    display: grid;
    gap: 14px;
  }
  fieldset {
    border: 1px solid var(--lf-line);
    border-radius: 10px;
    padding: 10px 14px 14px;
    margin: 0;
    display: grid;
    gap: 10px;
    min-width: 0;
  }
  fieldset.invalid {
    border-color: var(--lf-accent);
  }
  legend {
    font-weight: 600;
    font-size: 14px;
    padding: 0 6px;
  }
  fieldset.pair {
    grid-template-columns: 1fr 1fr;
    border-style: dashed;
  }
  fieldset.pair > legend {
    font-weight: 500;
    color: var(--lf-ink-soft);
  }
  fieldset.pair > .field-error {
    grid-column: 1 / -1;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    gap: 10px 16px;
    align-items: start;
  }
  label.field,
  div.field {
    display: grid;
    gap: 4px;
    font-size: 14px;
    min-width: 0;
  }
  .field .label {
    color: var(--lf-ink-soft);
  }
  label.field .hint {
    color: var(--lf-ink-soft);
    font-size: 12px;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .unit {
    color: var(--lf-ink-soft);
    font-size: 13px;
    white-space: nowrap;
  }
  input[type='number'],
  input[type='date'],
  select {
    font: inherit;
    padding: 7px 10px;
    border: 1px solid var(--lf-line);
    border-radius: 8px;
    background: var(--lf-surface);
    color: var(--lf-ink);
    width: 100%;
    min-width: 0;
  }
  input[type='number'] {
    font-family: var(--lf-font-digits);
  }
  .invalid > input,
  .invalid > .with-unit > input,
  .invalid > select,
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--lf-accent);
    background: var(--lf-danger-soft);
  }
  .field-error {
    color: var(--lf-accent);
    font-size: 13px;
    line-height: 1.35;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .actions {
    display: flex;
    gap: 10px;
    align-items: center;
    flex-wrap: wrap;
  }
  .sticky-actions {
    position: sticky;
    bottom: 0;
    z-index: 2;
    background: var(--lf-surface);
    border-top: 1px solid var(--lf-line);
    padding: 10px 0 2px;
  }
  .status-line button {
    white-space: nowrap;
  }
  .actions .status-line {
    flex: 1;
    min-width: 260px;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 14px;
  }
  th {
    text-align: left;
    font-weight: 600;
    color: var(--lf-ink-soft);
    border-bottom: 2px solid var(--lf-line);
    padding: 6px 8px;
    white-space: nowrap;
  }
  td {
    border-bottom: 1px solid var(--lf-line);
    padding: 6px 8px;
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: right;
    font-family: var(--lf-font-digits);
  }
  tr.selected td {
    background: var(--lf-brand-soft);
  }
  tr.retired td {
    color: var(--lf-ink-soft);
  }
  td .row-buttons {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
    justify-content: flex-end;
  }
  td button,
  .small {
    min-height: 32px;
    padding: 3px 10px;
    font-size: 13px;
  }
  code {
    font-family: var(--lf-font-digits);
    font-size: 13px;
  }
  .list-rows {
    display: grid;
    gap: 10px;
  }
  .list-row {
    border: 1px solid var(--lf-line);
    border-radius: 10px;
    padding: 10px 12px;
    display: grid;
    gap: 10px;
    background: var(--lf-background);
  }
  .list-row.invalid {
    border-color: var(--lf-accent);
  }
  .list-row > header {
    display: flex;
    align-items: center;
    gap: 8px;
    font-weight: 600;
  }
  .list-row > header .spacer {
    flex: 1;
  }
  .warning {
    background: var(--lf-warn-soft);
    color: var(--lf-warn);
    border: 1px solid color-mix(in srgb, var(--lf-warn) 40%, transparent);
    border-radius: 10px;
    padding: 10px 12px;
    font-size: 14px;
  }
  .empty {
    color: var(--lf-ink-soft);
    font-style: italic;
  }
`;

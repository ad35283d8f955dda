import { css } from 'lit';
import { gradeStyles } from '../rm-styles';

/** The follow-up list: one block per customer, the due day on the right, overdue ones marked red. */
export const followUpListStyles = [
  gradeStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-height: 0;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    h2 {
      font-size: 16px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    :host > ul {
      display: grid;
      gap: 8px;
      overflow: auto;
      min-height: 0;
      padding-right: 2px;
    }
    :host > ul > li {
      display: grid;
      gap: 6px;
      padding: 10px 12px;
      border: 1px solid var(--lf-line);
      border-left: 5px solid var(--lf-line);
      border-radius: 10px;
      background: var(--lf-surface);
    }
    :host > ul > li.today {
      border-left-color: var(--lf-warn);
    }
    :host > ul > li.overdue {
      border-left-color: var(--lf-accent);
      background: color-mix(in srgb, var(--lf-danger-soft) 45%, var(--lf-surface));
    }
    .line {
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 2px 8px;
      min-width: 0;
      flex: 1;
    }
    .masked,
    .phone {
      font-family: var(--lf-font-digits);
      font-size: 13px;
      color: var(--lf-ink-soft);
    }
    .from {
      font-size: 12px;
    }
    .due {
      display: grid;
      justify-items: end;
      font-weight: 700;
      font-size: 14px;
      white-space: nowrap;
      color: var(--lf-ink-soft);
    }
    .due small {
      font-weight: 400;
      font-size: 12px;
    }
    li.today .due {
      color: var(--lf-warn);
    }
    li.overdue .due {
      color: var(--lf-accent);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .history {
      display: grid;
      gap: 2px;
      font-size: 13px;
      margin: 0;
    }
    .history li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .history .when {
      font-family: var(--lf-font-digits);
      color: var(--lf-ink-soft);
      min-width: 4.5em;
    }
    .letter.small {
      width: 20px;
      height: 20px;
      font-size: 12px;
      border-radius: 6px;
    }
    button.record {
      justify-self: start;
      min-height: 36px;
      padding: 4px 12px;
    }
    .form {
      display: grid;
      gap: 8px;
      padding-top: 8px;
      border-top: 1px dashed var(--lf-line);
    }
    p.note {
      margin: 0;
      font-size: 13px;
      color: var(--lf-ink-soft);
    }
  `,
];

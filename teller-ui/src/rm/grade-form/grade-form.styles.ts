import { css } from 'lit';
import { gradeStyles } from '../rm-styles';

/** The outcome / contact form: big choices for a finger on a tablet, compact enough for a desktop. */
export const gradeFormStyles = [
  gradeStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    form {
      display: grid;
      gap: 10px;
    }
    fieldset {
      border: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
      min-width: 0;
    }
    legend,
    .field > span {
      font-size: 13px;
      font-weight: 600;
      color: var(--lf-ink-soft);
      padding: 0;
      margin-bottom: 4px;
    }
    .field {
      display: grid;
      gap: 4px;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .option,
    .grade {
      display: flex;
      align-items: center;
      gap: 8px;
      border: 1px solid var(--lf-line);
      border-radius: 10px;
      padding: 6px 12px;
      min-height: 40px;
      cursor: pointer;
      background: var(--lf-surface);
    }
    .option input,
    .grade input {
      margin: 0;
      width: 16px;
      height: 16px;
      accent-color: var(--lf-brand);
      flex: none;
    }
    .option.chosen,
    .grade.chosen {
      border-color: var(--lf-brand);
      background: var(--lf-brand-soft);
      box-shadow: inset 0 0 0 1px var(--lf-brand);
    }
    .option.converted.chosen {
      border-color: var(--lf-ok);
      background: var(--lf-ok-soft);
      box-shadow: inset 0 0 0 1px var(--lf-ok);
    }
    .grades {
      display: grid;
      gap: 4px;
    }
    .grade {
      display: grid;
      grid-template-columns: auto auto minmax(0, 1fr);
      padding: 4px 10px;
    }
    /* What the grade means on the left, the next contact day it sets on the right... */
    .grade .text {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 4px 12px;
      min-width: 0;
    }
    .grade .meaning {
      font-size: 14px;
    }
    .grade .next {
      font-size: 13px;
      color: var(--lf-ink-soft);
      white-space: nowrap;
    }
    /* ...or under it, in a narrow column (the follow-up list, a tablet). */
    @container (max-width: 480px) {
      .grade .text {
        flex-direction: column;
        gap: 0;
      }
    }
    .grade.chosen .next {
      color: var(--lf-brand-strong);
      font-weight: 600;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: -4px;
    }
    .submit {
      display: flex;
      align-items: center;
      gap: 12px;
    }
  `,
];

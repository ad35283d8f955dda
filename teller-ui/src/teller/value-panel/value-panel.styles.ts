import { css } from 'lit';

export const valuePanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 8px;
    overflow: auto;
  }
  section {
    display: grid;
    gap: 5px;
  }
  section + section {
    border-top: 1px solid var(--lf-line);
    padding-top: 8px;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 10px;
    margin: 0;
    font-size: 14px;
    align-items: baseline;
  }
  dl.facts dt {
    font-size: 13px;
    color: var(--lf-ink-soft);
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
    min-width: 0;
  }
  h2 {
    font-size: 15px;
    color: var(--lf-ink-soft);
    font-weight: 600;
  }
  h3 {
    font-size: 13px;
    color: var(--lf-ink-soft);
    font-weight: 600;
  }
  .verdict {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }
  .verdict .badge {
    font-size: 15px;
    padding: 3px 12px;
  }
  .preview {
    font-size: 12px;
    color: var(--lf-warn);
  }
  ul.reasons {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 2px;
    font-size: 13px;
  }
  ul.reasons li {
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  ul.reasons .weight {
    font-family: var(--lf-font-digits);
    color: var(--lf-ink-soft);
  }
  ul.reasons .note {
    display: block;
    color: var(--lf-ink-soft);
    font-size: 12px;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .customer {
    display: grid;
    gap: 4px;
    font-size: 14px;
  }
  .customer .masked {
    font-family: var(--lf-font-digits);
  }
  dl.assets {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0;
    font-size: 13px;
  }
  dl.assets dt {
    color: var(--lf-ink-soft);
  }
  dl.assets dd {
    margin: 0;
    font-family: var(--lf-font-digits);
  }
  .row {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .row input {
    flex: 1;
  }
  .signals {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0 6px;
    font-size: 13px;
  }
  .signals label.check {
    padding: 3px 6px;
    gap: 6px;
  }
  .signals label.counted {
    color: var(--lf-ink-soft);
  }
  .refer {
    display: grid;
    gap: 6px;
  }
  .refer .answers {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 6px;
  }
  .refer .answers button {
    font-size: 13px;
    padding: 6px 8px;
  }
  .refer.emphasis {
    background: var(--lf-warn-soft);
    border-radius: 10px;
    padding: 8px;
  }
  .referred {
    color: var(--lf-ok);
    font-weight: 600;
    font-size: 14px;
  }
  blockquote small {
    display: block;
    font-size: 12px;
    color: var(--lf-brand-strong);
    font-weight: 600;
  }
  blockquote {
    margin: 0;
    padding: 6px 12px;
    border-left: 4px solid var(--lf-brand);
    background: var(--lf-brand-soft);
    border-radius: 0 8px 8px 0;
    font-size: 14px;
    line-height: 1.5;
  }
  .empty {
    color: var(--lf-ink-soft);
    font-size: 14px;
  }
`;

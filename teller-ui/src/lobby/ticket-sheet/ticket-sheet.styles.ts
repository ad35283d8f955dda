import { css } from 'lit';

/** A side sheet over the hall, sized for a finger on a 1024x768 tablet. */
export const ticketSheetStyles = css`
  :host {
    display: contents;
  }
  .scrim {
    place-items: stretch end;
  }
  .sheet {
    width: min(520px, 100vw);
    height: 100vh;
    background: var(--lf-surface);
    box-shadow: -8px 0 30px rgb(16 42 80 / 25%);
    display: flex;
    flex-direction: column;
  }
  .sheet > header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 14px 18px;
    border-bottom: 1px solid var(--lf-line);
  }
  .sheet > header .number {
    font-size: 36px;
  }
  .sheet > header .what {
    display: grid;
    font-size: 14px;
  }
  .sheet > header button {
    margin-left: auto;
  }
  .body {
    flex: 1;
    overflow: auto;
    padding: 12px 18px;
    display: grid;
    gap: 14px;
    align-content: start;
  }
  section {
    display: grid;
    gap: 8px;
  }
  section + section {
    border-top: 1px solid var(--lf-line);
    padding-top: 12px;
  }
  button.chosen {
    border-color: var(--lf-brand);
    background: var(--lf-brand-soft);
    font-weight: 600;
  }
  h3 {
    font-size: 14px;
    color: var(--lf-ink-soft);
  }
  .verdict {
    display: flex;
    gap: 10px;
    align-items: center;
    flex-wrap: wrap;
  }
  .preview {
    font-size: 12px;
    color: var(--lf-warn);
  }
  ul.reasons {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 13px;
    display: grid;
    gap: 2px;
  }
  ul.reasons li {
    display: flex;
    justify-content: space-between;
  }
  .signals {
    display: grid;
    grid-template-columns: 1fr;
  }
  label.check {
    min-height: 44px;
  }
  .row {
    display: flex;
    gap: 8px;
  }
  .row > * {
    flex: 1;
  }
  button {
    min-height: 48px;
  }
  .queues {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    gap: 8px;
  }
  .advice {
    margin: 0;
    padding: 10px 12px;
    border-radius: 10px;
    background: var(--lf-brand-soft);
    font-size: 14px;
  }
  .sheet > footer {
    padding: 10px 18px;
    border-top: 1px solid var(--lf-line);
  }
`;

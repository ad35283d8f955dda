import { css } from 'lit';

/** The hall on a 1024x768 landscape tablet, for fingers: rows of 48 px and more. */
export const lobbyViewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    background: var(--lf-background);
  }
  .alerts {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    padding: 8px 12px 0;
  }
  .alert {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 3px 4px 3px 10px;
    border-radius: 999px;
    background: var(--lf-danger-soft);
    color: var(--lf-accent);
    font-size: 13px;
    font-weight: 600;
  }
  .alert.amber {
    background: var(--lf-warn-soft);
    color: var(--lf-warn);
  }
  .alert button {
    min-height: 30px;
    min-width: 30px;
    padding: 0 8px;
    border-radius: 999px;
    background: transparent;
    border-color: transparent;
    color: inherit;
    font-weight: 500;
  }
  main {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) 330px;
    gap: 10px;
    padding: 10px 12px 12px;
  }
  .hall {
    display: flex;
    flex-direction: column;
    gap: 10px;
    min-height: 0;
  }
  .queues {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(118px, 1fr));
    gap: 8px;
  }
  .queues .q {
    background: var(--lf-surface);
    border-radius: 12px;
    box-shadow: var(--lf-shadow);
    padding: 8px 10px;
    border-top: 5px solid var(--lf-brand);
    display: grid;
    gap: 1px;
  }
  .queues .q.late {
    border-top-color: var(--lf-accent);
  }
  .queues .q .name {
    font-size: 14px;
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .queues .q .count {
    font-size: 26px;
    font-weight: 800;
    font-family: var(--lf-font-digits);
    color: var(--lf-brand-strong);
    line-height: 1.1;
  }
  .queues .q.late .count {
    color: var(--lf-accent);
  }
  .queues .q .figures {
    font-size: 12px;
    color: var(--lf-ink-soft);
  }
  .waiting {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .waiting header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
  }
  .waiting ul {
    list-style: none;
    margin: 0;
    padding: 0;
    overflow: auto;
    display: grid;
    gap: 6px;
    align-content: start;
  }
  .waiting li button {
    width: 100%;
    min-height: 52px;
    display: grid;
    grid-template-columns: 70px minmax(0, 1fr) 70px;
    grid-template-rows: auto auto;
    column-gap: 10px;
    text-align: left;
    padding: 6px 10px;
  }
  .waiting li .number {
    grid-row: 1 / 3;
    font-size: 22px;
    align-self: center;
  }
  .waiting li .what {
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .waiting li .wait {
    grid-row: 1 / 3;
    grid-column: 3;
    align-self: center;
    text-align: right;
    font-family: var(--lf-font-digits);
  }
  .waiting li .wait.late {
    color: var(--lf-accent);
    font-weight: 700;
  }
  .waiting li .tags {
    display: flex;
    gap: 4px;
    flex-wrap: wrap;
    font-size: 12px;
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: 10px;
    overflow: auto;
    min-height: 0;
  }
  .side > .card {
    flex: none;
  }
  ul.counters {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
    display: grid;
  }
  ul.counters li {
    display: grid;
    grid-template-columns: 10px auto minmax(0, 1fr) auto;
    column-gap: 8px;
    align-items: center;
    min-height: 30px;
    border-bottom: 1px solid var(--lf-line);
    font-size: 13px;
  }
  ul.counters li:last-child {
    border-bottom: 0;
  }
  ul.counters .dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--lf-line);
  }
  ul.counters .staffed.open .dot {
    background: var(--lf-ok);
  }
  ul.counters .paused .dot {
    background: #f5b942;
  }
  ul.counters .name {
    font-weight: 600;
    white-space: nowrap;
  }
  ul.counters .staff {
    color: var(--lf-ink-soft);
    font-size: 12px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  ul.counters .now {
    text-align: right;
    font-family: var(--lf-font-digits);
    white-space: nowrap;
  }
  ul.counters .now .number {
    margin-right: 4px;
  }
  .bottom {
    display: flex;
    flex-direction: column;
  }
  .walk-in {
    background: #fff;
    color: var(--lf-brand-strong);
    border-color: #fff;
    font-weight: 600;
  }
`;

import { css } from 'lit';

/** The counter at 1366x768 and up: the ticket and its keys, the value panel, my queues. */
export const tellerViewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    background: var(--lf-background);
  }
  main {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(480px, 1.3fr) minmax(360px, 1fr) minmax(260px, 0.72fr);
    gap: 12px;
    padding: 12px;
  }
  .serve {
    display: flex;
    flex-direction: column;
    gap: 10px;
    min-height: 0;
  }
  ol.steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(7, 1fr);
    gap: 4px;
  }
  ol.steps li {
    text-align: center;
    padding: 5px 2px;
    border-radius: 8px;
    font-size: 13px;
    background: var(--lf-surface);
    color: var(--lf-ink-soft);
    border: 1px solid var(--lf-line);
    white-space: nowrap;
  }
  ol.steps li b {
    font-family: var(--lf-font-digits);
    margin-right: 3px;
  }
  ol.steps li.active {
    background: var(--lf-brand);
    border-color: var(--lf-brand);
    color: #fff;
    font-weight: 600;
  }
  .ticket {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 10px;
    min-height: 0;
    overflow: auto;
  }
  .ticket .top {
    display: flex;
    align-items: center;
    gap: 14px;
    flex-wrap: wrap;
  }
  .ticket .top .number {
    font-size: 60px;
    line-height: 1;
  }
  .ticket .state {
    display: inline-flex;
    padding: 4px 12px;
    border-radius: 999px;
    font-weight: 600;
    background: var(--lf-warn-soft);
    color: var(--lf-warn);
  }
  .ticket .state.serving {
    background: var(--lf-ok-soft);
    color: var(--lf-ok);
  }
  dl.facts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 8px 18px;
    margin: 0;
  }
  dl.facts div {
    display: grid;
    gap: 2px;
  }
  dl.facts dt {
    font-size: 13px;
    color: var(--lf-ink-soft);
  }
  dl.facts dd {
    margin: 0;
    font-size: 18px;
    font-weight: 600;
  }
  dl.facts dd .timer {
    font-family: var(--lf-font-digits);
  }
  .estimate {
    font-size: 17px;
    padding: 8px 12px;
    border-radius: 10px;
    background: var(--lf-brand-soft);
    color: var(--lf-brand-strong);
  }
  .rating {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    font-size: 15px;
    padding: 8px 12px;
    border-radius: 10px;
    border: 1px dashed var(--lf-line);
  }
  .rating button {
    flex-shrink: 0;
    white-space: nowrap;
  }
  .rating.waiting {
    color: var(--lf-brand-strong);
    background: var(--lf-brand-soft);
    border-style: solid;
  }
  .rating.rated {
    font-weight: 700;
    border-style: solid;
  }
  .rating.satisfied {
    color: var(--lf-ok);
  }
  .rating.basically-satisfied {
    color: var(--lf-brand-strong);
  }
  .rating.dissatisfied {
    color: var(--lf-accent);
    background: #fde8ea;
  }
  .estimate.over {
    background: var(--lf-warn-soft);
    color: var(--lf-warn);
  }
  .recall-info {
    display: flex;
    gap: 14px;
    font-size: 14px;
    color: var(--lf-ink-soft);
  }
  ul.hints {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 4px;
  }
  ul.hints li {
    font-size: 14px;
    padding: 6px 10px;
    border-left: 4px solid var(--lf-brand);
    background: var(--lf-background);
    border-radius: 0 8px 8px 0;
  }
  ul.hints li b {
    margin-right: 6px;
  }
  .empty {
    flex: 1;
    display: grid;
    place-content: center;
    text-align: center;
    gap: 10px;
    color: var(--lf-ink-soft);
    font-size: 18px;
  }
  .empty strong {
    font-size: 24px;
    color: var(--lf-ink);
  }
  .keys {
    display: grid;
    grid-template-columns: repeat(5, 1fr);
    gap: 8px;
  }
  .keys button {
    flex-direction: column;
    text-align: center;
    gap: 2px;
    min-height: 58px;
    font-size: 16px;
    font-weight: 600;
  }
  .keys.secondary button {
    min-height: 48px;
    font-size: 13px;
    font-weight: 500;
    padding: 4px 6px;
    line-height: 1.15;
  }
  .queue {
    display: flex;
    flex-direction: column;
    gap: 10px;
    overflow: auto;
  }
  .queue .q {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 8px;
    padding: 8px 10px;
    border-radius: 10px;
    background: var(--lf-background);
  }
  .queue .q .name {
    font-weight: 600;
  }
  .queue .q .count {
    font-weight: 700;
    color: var(--lf-brand-strong);
  }
  .queue .q .figures {
    grid-column: 1 / -1;
    font-size: 13px;
    color: var(--lf-ink-soft);
  }
  .queue .q.late .figures {
    color: var(--lf-accent);
  }
  ul.next {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  ul.next li {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: 2px 8px;
    align-items: center;
    padding: 6px 8px;
    border: 1px solid var(--lf-line);
    border-radius: 10px;
  }
  ul.next li .number {
    font-size: 18px;
  }
  ul.next li .what {
    font-size: 13px;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  ul.next li .tags {
    grid-column: 1 / -1;
    display: flex;
    gap: 4px;
    flex-wrap: wrap;
    font-size: 12px;
  }
  ul.next li button {
    min-height: 32px;
    padding: 2px 10px;
    font-size: 13px;
  }
  .counter-state {
    display: inline-flex;
    align-items: center;
    padding: 3px 10px;
    border-radius: 999px;
    background: rgb(255 255 255 / 16%);
    font-size: 13px;
  }
  .counter-state.paused {
    background: #f5b942;
    color: var(--lf-ink);
    font-weight: 600;
  }
  .dialog .hint {
    font-size: 13px;
    color: var(--lf-ink-soft);
  }
  .dialog .reminders {
    display: grid;
    gap: 6px;
    font-size: 14px;
  }
  .dialog .reminders p {
    margin: 0;
  }
  .dialog .business {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 2px 10px;
  }
  .dialog .business kbd,
  .dialog .choices kbd {
    margin-left: auto;
  }
  .dialog form {
    display: flex;
    gap: 8px;
  }
`;

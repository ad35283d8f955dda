import { css } from 'lit';

/**
 * The RM console on a 1366x768 desktop or a 1024x768 tablet: the call-overs on the left (they matter now),
 * the follow-ups on the right (they matter today), each column scrolling on its own under the header.
 */
export const rmViewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    background: var(--lf-background);
  }
  .presence {
    display: inline-flex;
    border-radius: 10px;
    background: rgb(255 255 255 / 14%);
    padding: 3px;
    gap: 3px;
  }
  .presence button {
    min-height: 34px;
    padding: 4px 12px;
    border: none;
    background: transparent;
    color: #fff;
    font-size: 14px;
  }
  .presence button[aria-pressed='true'] {
    background: var(--lf-surface);
    color: var(--lf-brand-strong);
    font-weight: 700;
  }
  .presence button.available[aria-pressed='true'] {
    color: var(--lf-ok);
  }
  .presence button.away[aria-pressed='true'] {
    color: var(--lf-ink-soft);
  }
  main {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) 440px;
    gap: 12px;
    padding: 12px;
  }
  @media (max-width: 1100px) {
    main {
      grid-template-columns: minmax(0, 1fr) 360px;
      gap: 10px;
      padding: 10px;
    }
  }
  .desk {
    display: flex;
    flex-direction: column;
    gap: 10px;
    overflow: auto;
    min-height: 0;
    padding: 2px 4px 8px 2px;
  }
  .desk > h2 {
    font-size: 16px;
    color: var(--lf-ink-soft);
  }
  .empty {
    margin: 0;
    padding: 28px 20px;
    border: 2px dashed var(--lf-line);
    border-radius: var(--lf-radius);
    color: var(--lf-ink-soft);
    text-align: center;
    font-size: 15px;
  }
  .notice {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 6px 8px 6px 14px;
    border-radius: 10px;
    background: var(--lf-warn-soft);
    color: var(--lf-warn);
    font-weight: 600;
    font-size: 14px;
  }
  .notice button {
    margin-left: auto;
    min-height: 30px;
    padding: 2px 10px;
  }
  aside {
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow: hidden;
  }
  aside lf-follow-up-list {
    flex: 1;
    min-height: 0;
  }
`;

import { css } from 'lit';

export const staffHeaderStyles = css`
  :host {
    display: block;
  }
  header {
    display: flex;
    align-items: center;
    gap: 14px;
    padding: 8px 16px;
    background: var(--lf-brand);
    color: #fff;
    min-height: 52px;
  }
  .title {
    display: flex;
    flex-direction: column;
    line-height: 1.2;
  }
  .title strong {
    font-size: 18px;
    letter-spacing: 0.03em;
  }
  .title small {
    opacity: 0.85;
    font-size: 13px;
  }
  .spacer {
    flex: 1;
  }
  .who {
    text-align: right;
    font-size: 13px;
    line-height: 1.3;
  }
  .who span {
    opacity: 0.85;
  }
  .live {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 10px;
    border-radius: 999px;
    background: rgb(255 255 255 / 14%);
  }
  .live::before {
    content: '';
    width: 9px;
    height: 9px;
    border-radius: 50%;
    background: #f5b942;
  }
  .live.live-live::before {
    background: #4ade80;
  }
  .live.live-offline::before,
  .live.live-refused::before {
    background: #ff6b6b;
  }
  .clock {
    font-family: var(--lf-font-digits);
    font-size: 18px;
  }
  button {
    background: transparent;
    color: #fff;
    border-color: rgb(255 255 255 / 45%);
    min-height: 34px;
    padding: 4px 12px;
  }
  button:hover:not(:disabled) {
    border-color: #fff;
    background: rgb(255 255 255 / 12%);
  }
  ::slotted(*) {
    display: flex;
    gap: 8px;
    align-items: center;
  }
`;

import { css } from 'lit';

export const staffAppStyles = css`
  :host {
    display: block;
    height: 100vh;
  }
  .view {
    height: 100%;
  }
  .notice {
    position: fixed;
    left: 50%;
    bottom: 18px;
    transform: translateX(-50%);
    z-index: 20;
    display: flex;
    gap: 12px;
    align-items: center;
    padding: 10px 16px;
    border-radius: 12px;
    background: var(--lf-ink);
    color: #fff;
    box-shadow: var(--lf-shadow);
    font-size: 14px;
  }
  .notice button {
    min-height: 30px;
    padding: 2px 10px;
    background: transparent;
    color: #fff;
    border-color: rgb(255 255 255 / 50%);
  }
`;

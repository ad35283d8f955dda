import { css } from 'lit';

export const loginViewStyles = css`
  :host {
    display: grid;
    place-items: center;
    min-height: 100%;
    padding: 24px;
  }
  :host([again]) {
    min-height: 0;
    padding: 0;
  }
  form {
    width: min(420px, 92vw);
    display: grid;
    gap: 14px;
    padding: 26px 28px;
  }
  h1 {
    margin: 0;
    font-size: 22px;
    color: var(--lf-brand-strong);
  }
  label {
    display: grid;
    gap: 4px;
    font-size: 14px;
    color: var(--lf-ink-soft);
  }
  label small {
    font-size: 12px;
  }
  .notice {
    margin: 0;
    padding: 10px 12px;
    border-radius: 10px;
    background: var(--lf-warn-soft);
    color: var(--lf-warn);
    font-size: 14px;
  }
  .seat {
    display: grid;
    gap: 8px;
    padding: 12px;
    border-radius: 10px;
    background: var(--lf-warn-soft);
  }
  .seat strong {
    color: var(--lf-warn);
  }
  .row {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  button[type='submit'] {
    min-height: 46px;
    font-size: 16px;
  }
`;

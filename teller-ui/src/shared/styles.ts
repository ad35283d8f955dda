import { css } from 'lit';

/**
 * What every staff screen shares: buttons with their keys, badges, cards, dialogs and the action status
 * line. Colours and shapes come from the theme's custom properties (libs/ui-kit theme.css).
 */
export const sharedStyles = css`
  :host {
    font-family: var(--lf-font);
    color: var(--lf-ink);
    --lf-vip: #8a5a00;
    --lf-vip-soft: #fff3c4;
    --lf-danger-soft: #fde8eb;
    --lf-ok-soft: #e3f4ea;
    --lf-warn-soft: #fff1e0;
  }
  * {
    box-sizing: border-box;
  }
  h2,
  h3 {
    margin: 0;
    font-weight: 700;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 10px;
    border: 1px solid var(--lf-line);
    background: var(--lf-surface);
    color: var(--lf-ink);
    padding: 8px 14px;
    min-height: 40px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
  }
  button:hover:not(:disabled) {
    border-color: var(--lf-brand);
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--lf-brand) 45%, transparent);
    outline-offset: 1px;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }
  button.primary {
    background: var(--lf-brand);
    border-color: var(--lf-brand);
    color: #fff;
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: var(--lf-brand-strong);
  }
  /* A link that looks like a quiet button (another view of the console: the reports, the lobby). */
  a.link-button {
    display: inline-flex;
    align-items: center;
    min-height: 36px;
    padding: 4px 12px;
    border-radius: 10px;
    border: 1px solid var(--lf-line);
    background: var(--lf-surface);
    color: var(--lf-brand-strong);
    text-decoration: none;
    font-size: 14px;
    white-space: nowrap;
  }
  a.link-button:hover {
    border-color: var(--lf-brand);
  }
  button.danger {
    color: var(--lf-accent);
    border-color: color-mix(in srgb, var(--lf-accent) 40%, var(--lf-line));
  }
  button.danger.solid {
    background: var(--lf-accent);
    color: #fff;
  }
  button.pending {
    opacity: 0.7;
    cursor: progress;
  }
  kbd {
    font-family: var(--lf-font-digits);
    font-size: 0.72em;
    padding: 1px 6px;
    border-radius: 5px;
    border: 1px solid currentColor;
    opacity: 0.75;
    white-space: nowrap;
  }
  input[type='text'],
  input[type='password'],
  textarea {
    font: inherit;
    padding: 8px 10px;
    border: 1px solid var(--lf-line);
    border-radius: 8px;
    background: var(--lf-surface);
    color: var(--lf-ink);
    width: 100%;
  }
  textarea {
    resize: vertical;
    min-height: 2.6em;
  }
  .card {
    background: var(--lf-surface);
    border-radius: var(--lf-radius);
    box-shadow: var(--lf-shadow);
    padding: 14px 16px;
    min-height: 0;
  }
  .card > h2,
  .card > header h2 {
    font-size: 15px;
    color: var(--lf-ink-soft);
    font-weight: 600;
  }
  .muted {
    color: var(--lf-ink-soft);
  }
  .number {
    font-family: var(--lf-font-digits);
    font-weight: 800;
    color: var(--lf-brand-strong);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 12px;
    font-weight: 600;
    background: var(--lf-brand-soft);
    color: var(--lf-brand-strong);
    white-space: nowrap;
  }
  .badge.vip {
    background: var(--lf-vip-soft);
    color: var(--lf-vip);
    border: 1px solid #e9c24a;
  }
  .badge.potential-vip {
    background: var(--lf-warn-soft);
    color: var(--lf-warn);
    border: 1px solid color-mix(in srgb, var(--lf-warn) 40%, transparent);
  }
  .badge.ordinary {
    background: var(--lf-background);
    color: var(--lf-ink-soft);
  }
  .badge.priority {
    background: var(--lf-ok-soft);
    color: var(--lf-ok);
  }
  .badge.alert {
    background: var(--lf-danger-soft);
    color: var(--lf-accent);
  }
  .status-line {
    min-height: 34px;
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 6px 12px;
    border-radius: 10px;
    font-size: 14px;
  }
  .status-line.pending {
    background: var(--lf-brand-soft);
    color: var(--lf-brand-strong);
  }
  .status-line.done {
    background: var(--lf-ok-soft);
    color: var(--lf-ok);
  }
  .status-line.failed {
    background: var(--lf-danger-soft);
    color: var(--lf-accent);
  }
  .status-line .detail {
    display: block;
    font-size: 12px;
    opacity: 0.8;
  }
  .status-line button {
    margin-left: auto;
    flex-shrink: 0;
    white-space: nowrap;
    min-height: 28px;
    padding: 2px 10px;
  }
  .banner {
    background: var(--lf-accent);
    color: #fff;
    padding: 6px 16px;
    text-align: center;
    font-size: 14px;
  }
  .scrim {
    position: fixed;
    inset: 0;
    background: rgb(16 32 56 / 45%);
    display: grid;
    place-items: center;
    z-index: 10;
  }
  .dialog {
    background: var(--lf-surface);
    border-radius: var(--lf-radius);
    box-shadow: 0 12px 40px rgb(16 42 80 / 30%);
    padding: 20px 22px;
    width: min(560px, 92vw);
    max-height: 90vh;
    overflow: auto;
    display: grid;
    gap: 14px;
  }
  .dialog h2 {
    font-size: 18px;
  }
  .dialog .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
    gap: 8px;
  }
  .dialog .choices button {
    justify-content: flex-start;
    text-align: left;
  }
  .dialog footer {
    display: flex;
    justify-content: flex-end;
    gap: 10px;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 5px 8px;
    border-radius: 8px;
    cursor: pointer;
  }
  label.check:hover {
    background: var(--lf-background);
  }
  label.check input {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--lf-brand);
    flex: none;
  }
  label.check .weight {
    margin-left: auto;
    font-family: var(--lf-font-digits);
    font-size: 12px;
    color: var(--lf-ink-soft);
  }
`;

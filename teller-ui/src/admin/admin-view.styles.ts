import { css } from 'lit';

export const adminViewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .console {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: 230px minmax(0, 1fr);
  }
  nav {
    background: var(--lf-surface);
    border-right: 1px solid var(--lf-line);
    overflow-y: auto;
    padding: 12px 10px;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  nav button {
    width: 100%;
    border: none;
    background: transparent;
    display: grid;
    justify-content: start;
    justify-items: start;
    gap: 1px;
    text-align: left;
    padding: 8px 12px;
    min-height: 0;
  }
  nav button:hover:not(:disabled) {
    background: var(--lf-background);
  }
  nav button.current {
    background: var(--lf-brand-soft);
    color: var(--lf-brand-strong);
    box-shadow: inset 3px 0 0 var(--lf-brand);
  }
  nav .title {
    font-weight: 600;
  }
  nav small {
    color: var(--lf-ink-soft);
    font-size: 12px;
  }
  main {
    overflow-y: auto;
    padding: 18px 22px 40px;
    min-width: 0;
  }
  main > * {
    max-width: 1180px;
  }
`;

import { css } from 'lit';

export const kioskStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    font-family: var(--lf-font);
    color: var(--lf-ink);
    background: var(--lf-background);
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    padding: 20px 32px;
    background: var(--lf-brand);
    color: #fff;
  }
  header h1 {
    margin: 0;
    font-size: 30px;
    font-weight: 700;
  }
  header small {
    display: block;
    font-size: 18px;
    font-weight: 400;
    opacity: 0.85;
  }
  .lang {
    min-width: 140px;
    min-height: 64px;
    border-radius: 999px;
    border: 2px solid #fff;
    background: transparent;
    color: #fff;
    font-size: 22px;
    font-family: inherit;
  }
  main {
    flex: 1;
    padding: 28px 32px;
    display: flex;
    flex-direction: column;
    gap: 24px;
  }
  h2 {
    margin: 0;
    font-size: 36px;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 24px;
  }
  button.tile,
  button.choice {
    display: flex;
    align-items: center;
    gap: 20px;
    min-height: 170px;
    padding: 24px 28px;
    border: 2px solid var(--lf-line);
    border-radius: var(--lf-radius);
    background: var(--lf-surface);
    box-shadow: var(--lf-shadow);
    color: var(--lf-ink);
    font: inherit;
    font-size: 32px;
    font-weight: 700;
    text-align: left;
    cursor: pointer;
  }
  button.tile svg {
    color: var(--lf-brand);
    flex: none;
  }
  button.choice {
    justify-content: center;
    text-align: center;
  }
  button:active {
    transform: scale(0.98);
  }
  button:disabled {
    opacity: 0.5;
  }
  .priority {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
    padding: 16px 20px;
    border-radius: var(--lf-radius);
    background: var(--lf-brand-soft);
    font-size: 22px;
  }
  .priority button {
    min-height: 64px;
    padding: 0 20px;
    border-radius: 999px;
    border: 2px solid var(--lf-brand);
    background: var(--lf-surface);
    color: var(--lf-brand);
    font: inherit;
    cursor: pointer;
  }
  .priority button[aria-pressed='true'] {
    background: var(--lf-brand);
    color: #fff;
  }
  .identify {
    align-self: flex-start;
    min-height: 64px;
    padding: 0 28px;
    border-radius: 999px;
    border: 2px dashed var(--lf-brand);
    background: var(--lf-surface);
    color: var(--lf-brand);
    font: inherit;
    font-size: 22px;
    cursor: pointer;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 12px;
    font-size: 24px;
  }
  .field input {
    font: inherit;
    font-size: 40px;
    letter-spacing: 0.1em;
    padding: 16px 20px;
    border: 2px solid var(--lf-line);
    border-radius: var(--lf-radius);
  }
  .queues {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    font-size: 20px;
    color: var(--lf-ink-soft);
  }
  .queues span {
    background: var(--lf-surface);
    border-radius: 999px;
    padding: 8px 16px;
  }
  .panel {
    background: var(--lf-surface);
    border-radius: var(--lf-radius);
    box-shadow: var(--lf-shadow);
    padding: 32px;
    display: flex;
    flex-direction: column;
    gap: 24px;
    font-size: 28px;
    line-height: 1.5;
  }
  .advice {
    font-size: 32px;
    font-weight: 600;
  }
  .actions {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 20px;
  }
  .primary {
    background: var(--lf-brand) !important;
    color: #fff !important;
    border-color: var(--lf-brand) !important;
  }
  .back {
    align-self: flex-start;
    min-height: 64px;
    padding: 0 28px;
    border-radius: 999px;
    border: 2px solid var(--lf-line);
    background: var(--lf-surface);
    font: inherit;
    font-size: 22px;
  }
  .ticket {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 24px;
    align-items: center;
  }
  .ticket .number {
    font-family: var(--lf-font-digits);
    font-size: 120px;
    font-weight: 800;
    line-height: 1;
    color: var(--lf-brand-strong);
  }
  .ticket .facts {
    font-size: 28px;
    color: var(--lf-ink-soft);
  }
  .ticket img {
    width: 220px;
    height: 220px;
    image-rendering: pixelated;
  }
  .ticket .qr {
    text-align: center;
    font-size: 18px;
    color: var(--lf-ink-soft);
  }
  .banner {
    padding: 18px 32px;
    background: var(--lf-accent);
    color: #fff;
    font-size: 24px;
    text-align: center;
  }
  .notice {
    margin: auto;
    font-size: 28px;
    text-align: center;
  }
  @media (orientation: portrait) {
    .grid {
      grid-template-columns: 1fr 1fr;
    }
    .ticket {
      grid-template-columns: 1fr;
      justify-items: center;
      text-align: center;
    }
  }
  /* 80 mm thermal paper: the ticket alone, black on white. */
  @media print {
    :host {
      background: #fff;
      min-height: 0;
    }
    header,
    .banner,
    .priority,
    .queues,
    .actions,
    .back,
    h2 {
      display: none !important;
    }
    main {
      padding: 0;
    }
    .panel {
      box-shadow: none;
      padding: 2mm;
      width: 72mm;
      font-size: 11pt;
      gap: 2mm;
    }
    .ticket {
      grid-template-columns: 1fr;
      justify-items: center;
      text-align: center;
    }
    .ticket .number {
      font-size: 40pt;
      color: #000;
    }
    .ticket .facts,
    .ticket .qr {
      font-size: 10pt;
      color: #000;
    }
    .ticket img {
      width: 32mm;
      height: 32mm;
    }
  }
`;

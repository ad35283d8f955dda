import { css } from 'lit';

/** A counter-top tablet, landscape or portrait: three buttons a customer hits without reading glasses. */
export const ratingPadStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    box-sizing: border-box;
    padding: 24px 32px;
    font-family: var(--lf-font);
    color: var(--lf-ink);
    background: var(--lf-background);
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    color: var(--lf-ink-soft);
    font-size: 20px;
  }
  .lang {
    border: 1px solid var(--lf-line);
    background: var(--lf-surface);
    border-radius: 999px;
    padding: 10px 22px;
    font-size: 20px;
    color: var(--lf-ink);
  }
  main {
    flex: 1;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    text-align: center;
    gap: 20px;
    padding: 12px 0;
  }
  h1 {
    margin: 0;
    font-size: 44px;
    font-weight: 700;
    color: var(--lf-brand-strong);
  }
  .sub {
    font-size: 26px;
    color: var(--lf-ink-soft);
  }
  .grades {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 24px;
    width: 100%;
    max-width: 1100px;
  }
  .grade {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 12px;
    padding: 24px 12px;
    min-height: 240px;
    border: 3px solid transparent;
    border-radius: 24px;
    background: var(--lf-surface);
    box-shadow: var(--lf-shadow);
    font: inherit;
    font-size: 30px;
    line-height: 1.2;
    font-weight: 700;
    cursor: pointer;
    touch-action: manipulation;
  }
  .grade:active {
    transform: scale(0.98);
  }
  .grade svg {
    width: 128px;
    height: 128px;
  }
  .satisfied {
    color: var(--lf-ok);
    border-color: color-mix(in srgb, var(--lf-ok) 40%, transparent);
  }
  .basically-satisfied {
    color: var(--lf-brand);
    border-color: color-mix(in srgb, var(--lf-brand) 40%, transparent);
  }
  .dissatisfied {
    color: var(--lf-accent);
    border-color: color-mix(in srgb, var(--lf-accent) 40%, transparent);
  }
  .countdown {
    width: 100%;
    max-width: 1100px;
    height: 8px;
    border-radius: 4px;
    background: var(--lf-line);
    overflow: hidden;
  }
  .countdown span {
    display: block;
    height: 100%;
    background: var(--lf-brand);
    transform-origin: left;
    animation: shrink linear forwards;
  }
  @keyframes shrink {
    from {
      transform: scaleX(1);
    }
    to {
      transform: scaleX(0);
    }
  }
  .thanks svg {
    width: 160px;
    height: 160px;
    color: var(--lf-ok);
  }
  footer {
    text-align: center;
    color: var(--lf-ink-soft);
    font-size: 16px;
  }
  .banner {
    padding: 14px;
    border-radius: 12px;
    background: #fde8ea;
    color: var(--lf-accent);
    text-align: center;
    font-size: 20px;
  }
  @media (max-width: 700px) {
    .grades {
      grid-template-columns: 1fr;
    }
    .grade {
      min-height: 0;
      flex-direction: row;
      justify-content: center;
      padding: 20px;
    }
    .grade svg {
      width: 72px;
      height: 72px;
    }
  }
`;

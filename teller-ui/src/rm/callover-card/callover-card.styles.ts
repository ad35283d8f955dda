import { css } from 'lit';

/**
 * A call-over card. Unanswered, it cannot be missed: a red bar with a pulsing dot and the seconds left to
 * answer, and a red frame (the pulse stops for people who ask for reduced motion). Answered, it calms to
 * the brand's blue; the facts stay on the left and the answer on the right, stacked on a narrow tablet.
 */
export const calloverCardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  article {
    background: var(--lf-surface);
    border-radius: var(--lf-radius);
    box-shadow: var(--lf-shadow);
    border: 2px solid transparent;
    overflow: hidden;
  }
  article.alerted {
    border-color: var(--lf-accent);
    box-shadow:
      0 0 0 4px color-mix(in srgb, var(--lf-accent) 18%, transparent),
      var(--lf-shadow);
  }
  header {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px 14px;
    font-size: 15px;
  }
  .alert-bar {
    background: var(--lf-accent);
    color: #fff;
  }
  .alert-bar strong {
    font-size: 17px;
    letter-spacing: 0.04em;
  }
  .status-bar {
    background: var(--lf-brand-soft);
    color: var(--lf-brand-strong);
  }
  article.met .status-bar {
    background: var(--lf-ok-soft);
    color: var(--lf-ok);
  }
  .pulse {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: #fff;
    animation: pulse 1s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.25;
      transform: scale(0.7);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pulse {
      animation: none;
    }
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr);
    gap: 14px;
    padding: 12px 14px 14px;
  }
  /* In the meeting the outcome form is the work: it gets the wider column. */
  article.met .body {
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  }
  /* A card narrower than this (a phone-sized window) stacks the answer under the facts. */
  @container (max-width: 560px) {
    .body,
    article.met .body {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .facts,
  .act {
    display: grid;
    gap: 8px;
    align-content: start;
    min-width: 0;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .who .number {
    font-size: 30px;
    line-height: 1;
  }
  .who .walk-in {
    font-size: 20px;
    font-weight: 700;
  }
  .who .ago {
    margin-left: auto;
    font-size: 13px;
  }
  p {
    margin: 0;
  }
  .where {
    font-size: 16px;
    font-weight: 600;
  }
  .label {
    display: inline-block;
    font-size: 12px;
    font-weight: 600;
    color: var(--lf-ink-soft);
    margin-right: 8px;
  }
  .contact .phone {
    font-family: var(--lf-font-digits);
    margin-left: 6px;
  }
  .reasons {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
    font-size: 14px;
  }
  .reasons li {
    display: flex;
    gap: 8px;
    padding: 3px 8px;
    border-radius: 6px;
    background: var(--lf-background);
  }
  .reasons .note {
    color: var(--lf-ink-soft);
  }
  .reasons .weight {
    margin-left: auto;
    font-family: var(--lf-font-digits);
    color: var(--lf-ink-soft);
  }
  p.note {
    font-size: 15px;
    color: var(--lf-ink);
  }
  blockquote {
    margin: 0;
    padding: 8px 12px;
    border-left: 4px solid var(--lf-brand);
    background: var(--lf-brand-soft);
    border-radius: 0 10px 10px 0;
    font-size: 15px;
  }
  blockquote small {
    display: block;
    font-size: 12px;
    font-weight: 600;
    color: var(--lf-brand-strong);
  }
  h3 {
    font-size: 15px;
  }
  .answer {
    display: grid;
    gap: 10px;
  }
  button.coming {
    min-height: 56px;
    font-size: 18px;
  }
  .defer {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 6px;
  }
  .defer span {
    grid-column: 1 / -1;
    font-size: 13px;
  }
  .defer button {
    white-space: nowrap;
  }
  .decline {
    display: grid;
    gap: 8px;
  }
  .field {
    display: grid;
    gap: 4px;
    font-size: 13px;
    font-weight: 600;
    color: var(--lf-ink-soft);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .chip {
    min-height: 34px;
    padding: 4px 10px;
    font-size: 13px;
    border-radius: 999px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .buttons button {
    min-height: 48px;
  }
`;

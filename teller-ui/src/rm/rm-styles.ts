import { css } from 'lit';

/**
 * What the RM's components share: the follow-up grade letters A-E, coloured from "soon" (A, the brand's
 * strongest) to "no chance for now" (E, grey), so that a list reads at a glance.
 */
export const gradeStyles = css`
  .letter {
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border-radius: 8px;
    font-family: var(--lf-font-digits);
    font-weight: 800;
    font-size: 16px;
    color: #fff;
    flex: none;
  }
  .grade-A {
    background: var(--lf-accent);
  }
  .grade-B {
    background: var(--lf-warn);
  }
  .grade-C {
    background: var(--lf-brand);
  }
  .grade-D {
    background: color-mix(in srgb, var(--lf-brand) 55%, #fff);
  }
  .grade-E {
    background: var(--lf-ink-soft);
  }
`;

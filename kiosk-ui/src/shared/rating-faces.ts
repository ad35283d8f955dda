import { RATING_GRADES, type RatingGrade } from '@lobbyflow/contracts';
import { catalogue } from '@lobbyflow/ui-kit';
import { html, svg } from 'lit';
import { GRADE_COPY } from '../pad/messages';

const gradeName = catalogue(GRADE_COPY);

/** The mouth of each grade's face: a smile, a straight line, a frown. */
const MOUTHS: Record<RatingGrade, string> = {
  satisfied: 'M32 60 Q50 78 68 60',
  'basically-satisfied': 'M34 66 L66 66',
  dissatisfied: 'M32 72 Q50 56 68 72',
};

/** A face drawn in the current colour (SVG, not an emoji: a counter tablet may lack an emoji font). */
export function ratingFace(grade: RatingGrade) {
  return svg`<svg viewBox="0 0 100 100" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="6" stroke-linecap="round">
    <circle cx="50" cy="50" r="44" />
    <circle cx="36" cy="40" r="4" fill="currentColor" stroke="none" />
    <circle cx="64" cy="40" r="4" fill="currentColor" stroke="none" />
    <path d=${MOUTHS[grade]} />
  </svg>`;
}

/** A tick, for the thanks after an answer. */
export const thanksMark = svg`<svg viewBox="0 0 100 100" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">
  <circle cx="50" cy="50" r="44" />
  <path d="M30 52 L44 66 L72 36" />
</svg>`;

/** The three answer buttons, a face and a name each, in the order satisfied to dissatisfied. */
export function gradeButtons(label: string, onRate: (grade: RatingGrade) => void) {
  return html`<div class="grades" role="group" aria-label=${label}>
    ${RATING_GRADES.map(
      (grade) =>
        html`<button class="grade ${grade}" data-grade=${grade} @click=${() => onRate(grade)}>
          ${ratingFace(grade)}<span>${gradeName(grade)}</span>
        </button>`,
    )}
  </div>`;
}

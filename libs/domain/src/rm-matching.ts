/** A relationship manager as call-over matching sees them. */
export interface RmCandidate {
  id: string;
  /** Segments and products the RM knows best (retirees, funds, fx, ...). */
  specialties: string[];
  /** At their desk and free now (not with a customer, not away). */
  available: boolean;
  /** Referrals they are handling now: the tie-breaker, so that work spreads. */
  load: number;
}

export interface CalloverNeed {
  /** The customer's own RM, when the customer is known. */
  ownRmId?: string | null;
  /** What the customer needs (from the business: funds, insurance, fx, ...) and their segment. */
  needs: string[];
}

export type RmMatchReason = 'own-rm' | 'specialty' | 'least-loaded' | 'nobody-free';

export interface RmMatch {
  rmId: string;
  reason: RmMatchReason;
}

/**
 * Which RM to call over (domain.md §4, issue #4): the customer's own RM if they are free; else a free RM
 * whose specialties match the most needs, ties to the lightest load; else any free RM by load; with nobody
 * free, the own RM or the lightest-loaded RM all the same (they will answer "busy, N minutes").
 * Null only when the branch has no RM. `exclude` skips RMs who already declined or did not answer.
 */
export function matchRm(
  candidates: readonly RmCandidate[],
  need: CalloverNeed,
  exclude: readonly string[] = [],
): RmMatch | null {
  const pool = candidates.filter((candidate) => !exclude.includes(candidate.id));
  if (pool.length === 0) return null;
  const own = need.ownRmId ? pool.find((candidate) => candidate.id === need.ownRmId) : undefined;
  if (own?.available) return { rmId: own.id, reason: 'own-rm' };

  const byLoad = (a: RmCandidate, b: RmCandidate) => a.load - b.load || a.id.localeCompare(b.id);
  const matches = (candidate: RmCandidate) => need.needs.filter((item) => candidate.specialties.includes(item)).length;
  const free = pool.filter((candidate) => candidate.available);
  const specialists = free.filter((candidate) => matches(candidate) > 0);
  if (specialists.length > 0) {
    const best = [...specialists].sort((a, b) => matches(b) - matches(a) || byLoad(a, b))[0];
    return { rmId: best.id, reason: 'specialty' };
  }
  if (free.length > 0) return { rmId: [...free].sort(byLoad)[0].id, reason: 'least-loaded' };
  return { rmId: (own ?? [...pool].sort(byLoad)[0]).id, reason: 'nobody-free' };
}

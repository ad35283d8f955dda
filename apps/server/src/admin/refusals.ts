import type { ErrorCode, RuleProblem } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';

/**
 * Refuses an admin change when there are problems: nothing has been written yet (or the command's
 * transaction rolls back), and the answer lists every problem with the path of the field it concerns, so
 * that a form shows each next to its field.
 */
export function refuseIfAny(
  code: ErrorCode,
  problems: readonly RuleProblem[],
  extra: Record<string, unknown> = {},
): void {
  if (problems.length === 0) return;
  const listed = problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
  throw new DomainError(code, `Nothing was changed: ${listed.join('; ')}.`, { problems: [...problems], ...extra });
}

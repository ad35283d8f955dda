import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@lobbyflow/domain';

/** No command body of the API nests deeper than this; a deeper one is refused before validation. */
export const MAX_BODY_DEPTH = 16;

/** How deep a parsed JSON value nests, counted without recursion (a hostile body cannot blow the stack). */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Express middleware for right after the body parsers: a body nested deeper than MAX_BODY_DEPTH is
 * refused with 400, so that validation and transformation never recurse through thousands of levels.
 */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (nestingDepth(request.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    next(
      new DomainError(
        'VALIDATION_FAILED',
        `Invalid request: the body nests deeper than ${MAX_BODY_DEPTH} levels; no command needs that.`,
        { fields: ['(body)'] },
      ),
    );
    return;
  }
  next();
}

import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Audience, Principal } from './principal';

export const ALLOW_KEY = 'lobbyflow:allow';
export const PUBLIC_KEY = 'lobbyflow:public';

/** Who may call a route. Routes without `@Allow` or `@Public` are refused to everyone. */
export const Allow = (...audiences: Audience[]) => SetMetadata(ALLOW_KEY, audiences);

/** A route anyone may call without a token (health, login). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { principalKey, type Principal } from '../auth/principal';
import { currentContext } from './request-context';

/**
 * Completes the request context once the AuthGuard has resolved the caller: the branch, the caller as an
 * id (never a name) and the handler that serves the request, which names its command in the metrics.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const context = currentContext();
    if (context && execution.getType() === 'http') {
      const principal = execution.switchToHttp().getRequest<{ principal?: Principal }>().principal;
      if (principal) {
        context.branch = principal.branch;
        context.user = principalKey(principal);
      }
      context.command = commandName(execution.getClass().name, execution.getHandler().name);
    }
    return next.handle();
  }
}

/** `CountersController.callNext` -> `counters.callNext`. */
function commandName(controller: string, handler: string): string {
  const feature = controller.replace(/Controller$/, '');
  return `${feature.charAt(0).toLowerCase()}${feature.slice(1)}.${handler}`;
}

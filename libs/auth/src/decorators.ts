import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Public, PUBLIC_KEY } from '@seriktes/observability';
import { requestOf } from './request';
import type { AuthenticatedUser } from './user';

export const ROLES_KEY = 'seriktes:auth:roles';

/** Open to everyone, no token needed (health, metrics). Everything else needs a valid token. */
export { Public, PUBLIC_KEY };

/** Allowed for callers holding at least one of these realm roles (else FORBIDDEN). */
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

/** The verified caller (`AuthenticatedUser`) of an HTTP handler or GraphQL resolver. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = requestOf(context)?.user;
  if (!user) throw new Error('CurrentUser used on a route without authentication (is it @Public?)');
  return user;
});

import { Inject, Injectable, Logger, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { AuthError, forbidden } from './errors';
import { graphqlResource, requestOf } from './request';
import { describeJurisdiction } from './jurisdiction';
import { hasAnyRole, type AuthenticatedUser } from './user';
import { TokenVerifier } from './verifier';

/** Told about every denied access (e.g. to write it to the audit log). */
export interface AccessDeniedListener {
  denied(user: AuthenticatedUser, details: { resource: string; required: string[]; reason: string }): void | Promise<void>;
}
export const ACCESS_DENIED_LISTENER = Symbol('ACCESS_DENIED_LISTENER');

/**
 * One guard for HTTP handlers and GraphQL resolvers (field resolvers too, with
 * `fieldResolverEnhancers: ['guards']`): deny by default, `@Public()` opens a route, `@Roles()`
 * requires one of the roles. The token is verified once per request. Failures are `AuthError`s,
 * which AuthErrorFilter turns into 401/403/503 or GraphQL errors with `extensions.code`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional() @Inject(ACCESS_DENIED_LISTENER) private readonly listener?: AccessDeniedListener,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = requestOf(context);
    if (!request) throw new AuthError('UNAUTHENTICATED', 'authentication required', 'no request in context');
    let user: AuthenticatedUser;
    try {
      request.authentication ??= this.verifier.verify(request.headers.authorization);
      user = await request.authentication;
      request.user = user;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      this.logger.warn({ msg: 'request rejected', event: 'auth.rejected', code: error.code, reason: error.reason, resource: this.resource(context) });
      throw error;
    }
    const required = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);
    if (required?.length && !hasAnyRole(user, required)) {
      const resource = this.resource(context);
      this.logger.warn({
        msg: 'access denied',
        event: 'auth.denied',
        subject: user.subject,
        username: user.username,
        roles: user.roles,
        required,
        resource,
        jurisdiction: describeJurisdiction(user.jurisdiction),
      });
      await this.listener?.denied(user, { resource, required, reason: 'missing role' });
      throw forbidden(`forbidden: ${resource.replace(/^(graphql|http):/, '')} requires one of the roles ${required.join(', ')}`);
    }
    return true;
  }

  private resource(context: ExecutionContext): string {
    if (context.getType<string>() === 'graphql') return graphqlResource(context);
    const request = requestOf(context);
    return `http:${request?.method ?? ''} ${(request?.originalUrl ?? request?.url ?? '').split('?')[0]}`;
  }
}

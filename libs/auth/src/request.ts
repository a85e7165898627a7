import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedUser } from './user';

export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
  /** The verification of this request's token, shared by every resolver of one GraphQL operation. */
  authentication?: Promise<AuthenticatedUser>;
  method?: string;
  originalUrl?: string;
  url?: string;
}

/**
 * The GraphQL context object. Resolvers get `(parent, args, context, info)`, but federation's
 * reference resolvers get `(reference, context, info)`, so look for the object carrying `req`.
 */
function graphqlContext(context: ExecutionContext): { req?: AuthRequest } | undefined {
  const standard = GqlExecutionContext.create(context).getContext<{ req?: AuthRequest } | undefined>();
  if (standard?.req) return standard;
  return context.getArgs().find((arg): arg is { req: AuthRequest } => typeof arg === 'object' && arg !== null && 'req' in arg);
}

/** The HTTP request behind an HTTP handler or a GraphQL resolver (reference resolvers included). */
export function requestOf(context: ExecutionContext): AuthRequest | undefined {
  if (context.getType<string>() === 'graphql') return graphqlContext(context)?.req;
  return context.switchToHttp().getRequest<AuthRequest>();
}

/** `Type.field` of a GraphQL resolver, for logs and messages. */
export function graphqlResource(context: ExecutionContext): string {
  const info = context.getArgs().find(
    (arg): arg is { parentType: { name: string }; fieldName: string } => typeof arg === 'object' && arg !== null && 'fieldName' in arg && 'parentType' in arg,
  );
  return info ? `graphql:${info.parentType.name}.${info.fieldName}` : `graphql:${context.getClass().name}.${context.getHandler().name}`;
}

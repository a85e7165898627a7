import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AuthError } from './errors';

/**
 * Lets services throw `AuthError` (e.g. `forbidden(...)` for a record outside the caller's
 * jurisdiction) from any layer: GraphQL gets `extensions.code`, HTTP gets 401/403/503 with a body.
 */
@Catch(AuthError)
export class AuthErrorFilter implements ExceptionFilter {
  catch(error: AuthError, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.httpStatus } } });
    }
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void }; setHeader(n: string, v: string): void }>();
    if (error.code === 'UNAUTHENTICATED') response.setHeader('WWW-Authenticate', 'Bearer realm="seriktes", error="invalid_token"');
    response.status(error.httpStatus).json({ statusCode: error.httpStatus, code: error.code, message: error.message });
    return undefined;
  }
}

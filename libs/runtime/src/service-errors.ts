import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';

import type { FieldError } from './validation';

/**
 * A refused request with a stable code: BAD_USER_INPUT (400, with field-level errors), CONFLICT
 * (409: the step does not fit the request's status, or an idempotency key reused for another
 * request) or NOT_FOUND (404). Thrown before anything is written.
 */
export class RequestError extends Error {
  constructor(
    readonly code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND',
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'RequestError';
  }

  get httpStatus(): number {
    return this.code === 'BAD_USER_INPUT' ? 400 : this.code === 'CONFLICT' ? 409 : 404;
  }
}

export const invalidInput = (errors: FieldError[]) =>
  new RequestError('BAD_USER_INPUT', `invalid input: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
export const conflict = (message: string, field?: string) => new RequestError('CONFLICT', message, field ? [{ field, message }] : []);
export const notFound = (message: string) => new RequestError('NOT_FOUND', message);

/** GraphQL gets `extensions.code` (and `errors`), HTTP gets the status with `{ statusCode, code, message, errors }`. */
@Catch(RequestError)
export class RequestErrorFilter implements ExceptionFilter {
  catch(error: RequestError, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(error.message, { extensions: { code: error.code, errors: error.errors, http: { status: error.httpStatus } } });
    }
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    response.status(error.httpStatus).json({ statusCode: error.httpStatus, code: error.code, message: error.message, errors: error.errors });
    return undefined;
  }
}

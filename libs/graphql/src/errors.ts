import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentContext } from '@seriktes/observability';
import { InvalidCursorError, pageSize } from './cursor';

/** A client error with a stable code (`BAD_USER_INPUT`, `NOT_FOUND`, `FORBIDDEN`, ...). */
export function clientError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** Field-level input errors, shaped like the HTTP API's (`[{ field, message }]`). */
export const badUserInput = (errors: { field: string; message: string }[]) =>
  clientError('BAD_USER_INPUT', `invalid input: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, { errors });

/**
 * Error formatting for every GraphQL server of the platform: stable `extensions.code`; outside
 * development, internal errors lose their message and stack (a correlation id is given instead,
 * to find the full error in the logs).
 */
export function formatGraphQLError(debug: boolean, logInternal: (error: unknown, correlationId?: string) => void = () => undefined) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (code === 'INTERNAL_SERVER_ERROR') logInternal((error as { originalError?: unknown } | undefined)?.originalError ?? error, currentContext()?.correlationId);
    if (debug) return { ...formatted, extensions: { ...formatted.extensions, code } };
    const { stacktrace: _stacktrace, exception: _exception, originalError: _original, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (code === 'INTERNAL_SERVER_ERROR') {
      const correlationId = currentContext()?.correlationId;
      return {
        message: `internal error${correlationId ? ` (correlation id ${correlationId})` : ''}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, ...(correlationId ? { correlationId } : {}) },
      };
    }
    return { ...formatted, extensions: { ...extensions, code } };
  };
}

/** A page request from `first`/`after` arguments; a bad `first` is a field-level input error. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined, defaultSize = 20, max = 100): { size: number; after?: string } {
  try {
    return { size: pageSize(first, defaultSize, max), after: after ?? undefined };
  } catch (error) {
    throw badUserInput([{ field: 'first', message: (error as Error).message }]);
  }
}

/** Runs a paged read; a cursor that does not decode becomes a field-level input error on `after`. */
export async function withCursorErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badUserInput([{ field: 'after', message: error.message }]);
    throw error;
  }
}

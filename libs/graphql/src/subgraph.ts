import { Catch, Logger, Module, type DynamicModule, type ExceptionFilter} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { formatGraphQLError } from './errors';

export interface SubgraphOptions {
  /** Development: stack traces and internal messages in errors, introspection. */
  debug: boolean;
}

/**
 * The GraphQL module of a service: an Apollo Federation 2 subgraph at `/graphql`, code first.
 * Guards and exception filters run on field resolvers too (`fieldResolverEnhancers`), so a protected field reached
 * through `_entities` is protected as well; the HTTP request is in the context for the guard.
 */
/**
 * GraphQL errors thrown on purpose (bad input, forbidden, not found) are answers to the client,
 * not server failures: passed through as they are, instead of being logged by Nest as errors.
 */
@Catch(GraphQLError)
export class GraphQLClientErrorFilter implements ExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}

const logger = new Logger('graphql');
export const logInternalError = (error: unknown, correlationId?: string) =>
  logger.error({ msg: 'internal error in a GraphQL operation', correlationId, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) });

@Module({})
class SubgraphModule {}

export function subgraphModule(options: SubgraphOptions): DynamicModule {
  return {
    module: SubgraphModule,
    imports: [subgraphGraphQLModule(options)],
    providers: [{ provide: APP_FILTER, useClass: GraphQLClientErrorFilter }],
  };
}

function subgraphGraphQLModule(options: SubgraphOptions): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    path: '/graphql',
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    fieldResolverEnhancers: ['guards', 'filters'],
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    playground: false,
    introspection: options.debug,
    includeStacktraceInErrorResponses: options.debug,
    formatError: formatGraphQLError(options.debug, logInternalError),
  });
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate } from 'graphql';
import { AuthError, TokenVerifier, type AuthenticatedUser } from '@seriktes/auth';
import { formatGraphQLError, logInternalError, queryLimitsRule } from '@seriktes/graphql';
import { CORRELATION_HEADER, currentContext, HealthRegistry, ObservabilityModule, type Logger } from '@seriktes/observability';
import { authSettings } from '@seriktes/runtime';
import { subgraphs, type GatewayConfig } from './config';
import { subgraphUrls } from './supergraph';

interface GatewayContext {
  req: { headers: Record<string, string | string[] | undefined> };
  user: AuthenticatedUser;
  correlationId?: string;
}

/** Sends the caller's own token (the subgraphs verify it again) and the correlation id. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const ctx = context as Partial<GatewayContext>;
    if (ctx.user) request.http?.headers.set('authorization', `Bearer ${ctx.user.token}`);
    if (ctx.correlationId) request.http?.headers.set(CORRELATION_HEADER, ctx.correlationId);
  }
}

/** Refuses queries over the depth or cost limit before any subgraph is asked. */
function limitsPlugin(maxDepth: number, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const [error] = validate(schema, document, [queryLimitsRule({ maxDepth, maxCost }, request.variables ?? {})]);
          if (error) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof AuthError) return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.httpStatus } } });
  return error instanceof GraphQLError ? error : new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger?: Logger): DynamicModule {
    const supergraphSdl = readFileSync(resolve(config.SUPERGRAPH_FILE), 'utf8');
    const urls = subgraphUrls(supergraphSdl, subgraphs, config);
    const verifier = new TokenVerifier(authSettings(config));
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'gateway', logLevel: config.LOG_LEVEL, logger }),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            // The gateway authenticates every operation itself; subgraphs check the same token again.
            context: async ({ req }: { req: GatewayContext['req'] }): Promise<GatewayContext> => {
              try {
                return { req, user: await verifier.verify(req.headers.authorization), correlationId: currentContext()?.correlationId };
              } catch (error) {
                throw toGraphQLError(error);
              }
            },
            plugins: [limitsPlugin(config.GRAPHQL_MAX_DEPTH, config.GRAPHQL_MAX_COST)],
            playground: false,
            introspection: config.GRAPHQL_DEBUG,
            includeStacktraceInErrorResponses: config.GRAPHQL_DEBUG,
            formatError: formatGraphQLError(config.GRAPHQL_DEBUG, logInternalError),
          },
          gateway: {
            supergraphSdl,
            buildService: ({ name, url }) => new ForwardingDataSource({ url: urls.get(name) ?? url }),
          },
        }),
      ],
      providers: [
        {
          provide: 'SUBGRAPH_HEALTH',
          inject: [HealthRegistry],
          useFactory: (health: HealthRegistry) => {
            for (const [name, url] of urls) {
              const live = new URL('/health/live', url).toString();
              health.register(
                name,
                async () => {
                  const response = await fetch(live, { signal: AbortSignal.timeout(1500) });
                  if (!response.ok) throw new Error(`${live} answered ${response.status}`);
                  return { url };
                },
                { critical: false },
              );
            }
            return true;
          },
        },
      ],
    };
  }
}

import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import type { GraphQLError, GraphQLFormattedError, ValidationContext } from 'graphql';
import type { PlatformConfig } from '@upops/config';
import type { RequestContext } from '@upops/identity';
import { formatPlatformError } from './platform-errors';
import { storableTextPlugin } from './storable-text.plugin';

interface HttpContext {
  req?: { headers: Record<string, string | string[] | undefined>; ip?: string; socket?: { remoteAddress?: string } };
  extra?: { request?: { socket?: { remoteAddress?: string } } };
  connectionParams?: Record<string, unknown>;
}

/** The armor rules throw by default, which Apollo answers with a 500; report them instead. */
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/**
 * GraphQL over HTTP at /graphql and graphql-ws subscriptions on the same path; depth, alias
 * and cost limits against abusive queries; text that cannot be stored refused at the door;
 * introspection only when configured.
 */
export function graphqlConfig(config: PlatformConfig['graphql'], logInternal: (error: unknown) => void): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    plugins: [storableTextPlugin],
    validationRules: [
      maxDepthRule({ n: config.maxDepth, ...reportAsValidationError }),
      maxAliasesRule({ n: config.maxAliases, ...reportAsValidationError }),
      costLimitRule({ maxCost: config.maxCost, ...reportAsValidationError }),
    ],
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: (context: { connectionParams?: Record<string, unknown>; extra: unknown }) => {
          // Kept so every subscription's guard can read the token from the connection.
          (context.extra as { connectionParams?: Record<string, unknown> }).connectionParams = context.connectionParams;
        },
      },
    },
    context: (raw: HttpContext & { extra?: { connectionParams?: Record<string, unknown> } }): RequestContext => ({
      req: raw.req,
      connectionParams: raw.connectionParams ?? raw.extra?.connectionParams,
      clientAddress: raw.req?.ip ?? raw.req?.socket?.remoteAddress ?? raw.extra?.request?.socket?.remoteAddress ?? 'unknown',
    }),
    formatError: (formatted: GraphQLFormattedError, error: unknown) => formatPlatformError(formatted, error, logInternal),
  };
}

import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';

/** GraphQL over HTTP at /graphql and graphql-ws subscriptions on the same path. */
export function graphqlConfig(): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: true,
    subscriptions: { 'graphql-ws': { path: '/graphql' } },
    // Bad input is the client's problem, never a 500: Apollo's default codes stand.
    includeStacktraceInErrorResponses: false,
  };
}

import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { catalogueErrorToGraphql } from '@upops/catalogue';
import { identityErrorToGraphql } from '@upops/identity';
import { inventoryErrorToGraphql } from '@upops/inventory';
import { reviewErrorToGraphql } from '@upops/review';

/** Each context's mapper from its typed refusals to GraphQL errors; the first that knows wins. */
const CONTEXT_MAPPERS: ((error: unknown) => GraphQLError | undefined)[] = [identityErrorToGraphql, catalogueErrorToGraphql, inventoryErrorToGraphql, reviewErrorToGraphql];

/**
 * Typed refusals keep their code and field; GraphQL's own codes (validation, bad input) stand;
 * anything else is an internal error whose details stay in the log, never in the answer.
 */
export function formatPlatformError(formatted: GraphQLFormattedError, error: unknown, logInternal: (error: unknown) => void): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  for (const map of CONTEXT_MAPPERS) {
    const mapped = map(original);
    if (mapped) return { message: mapped.message, path: formatted.path, locations: formatted.locations, extensions: mapped.extensions };
  }
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logInternal(original);
  return { message: 'Internal error: the request was not completed', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL text and jsonb hold neither NUL nor half of a surrogate pair: the append would fail with a 500. */
export function isUnstorableText(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/** The path (without the variable's own name, as fields are named in errors) of the first unstorable string. */
function inVariables(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return isUnstorableText(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = inVariables(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function inDocument(document: DocumentNode): string | undefined {
  let field: string | undefined;
  const check = (name: string, value: { kind: Kind; value?: unknown }) => {
    if (!field && value.kind === Kind.STRING && typeof value.value === 'string' && isUnstorableText(value.value)) field = name;
  };
  visit(document, {
    Argument: (node) => check(node.name.value, node.value),
    ObjectField: (node) => check(node.name.value, node.value),
  });
  return field;
}

/**
 * Refuses, before any resolver runs, text no context could store, naming the field: one check at
 * the door for every mutation and query instead of one in every decider.
 */
export const storableTextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const variablePath = inVariables(request.variables ?? {}, []);
        const field = variablePath ? variablePath.slice(1).join('.') || variablePath[0] : inDocument(document);
        if (field === undefined) return;
        throw new GraphQLError(`${field} holds a NUL character or a broken (lone surrogate) character, which cannot be stored`, {
          extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
        });
      },
    };
  },
};

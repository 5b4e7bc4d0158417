import type { ApolloServerPlugin } from '@apollo/server';
import { type ArgumentNode, type DocumentNode, GraphQLError, Kind, type ObjectFieldNode, type VariableDefinitionNode, visit } from 'graphql';

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

/** Every string literal (in lists, input objects, variable defaults), named by its nearest argument, field or variable. */
function inDocument(document: DocumentNode): string | undefined {
  let field: string | undefined;
  visit(document, {
    StringValue: (node, _key, parent, _path, ancestors) => {
      if (field !== undefined || !isUnstorableText(node.value)) return;
      const named = [...ancestors, parent].reverse().find((a): a is ArgumentNode | ObjectFieldNode | VariableDefinitionNode =>
        a !== undefined && !Array.isArray(a) && 'kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD || a.kind === Kind.VARIABLE_DEFINITION),
      );
      field = named ? (named.kind === Kind.VARIABLE_DEFINITION ? named.variable.name.value : named.name.value) : 'query';
    },
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

import { buildSchema } from 'graphql';
import { ACCESS_RULE, type AccessRule, describeAccessRule } from '@upops/identity';
import { API_RESOLVERS } from './api-resolvers';
import { buildSchemaSdl } from './schema-sdl';

// @nestjs/graphql's own metadata keys for @Query/@Mutation/@Subscription (graphql.constants).
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

export interface OperationAccess {
  operation: string;
  rule: string;
}

/** Every root operation of the schema with the access rule its resolver method states. */
export async function listOperationAccess(): Promise<{ operations: OperationAccess[]; inSchema: string[] }> {
  const operations: OperationAccess[] = [];
  for (const resolver of API_RESOLVERS) {
    const prototype = resolver.prototype as unknown as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[method];
      if (typeof handler !== 'function' || method === 'constructor') continue;
      const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
      if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
      const rule = Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined;
      operations.push({ operation: `${type}.${name}`, rule: describeAccessRule(rule) });
    }
  }
  const schema = buildSchema(await buildSchemaSdl());
  const inSchema = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .flatMap((type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));
  const byName = (a: OperationAccess, b: OperationAccess) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0);
  return { operations: operations.sort(byName), inSchema: inSchema.sort() };
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl } from './schema-sdl';

const committed = join(__dirname, '..', '..', 'schema.graphql');

describe('committed GraphQL schema', () => {
  it('equals the schema the resolvers generate (UPDATE_SCHEMA=1 npm test rewrites it)', async () => {
    const generated = await buildSchemaSdl();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(committed, generated);
    expect(generated).toBe(readFileSync(committed, 'utf8'));
  });
});

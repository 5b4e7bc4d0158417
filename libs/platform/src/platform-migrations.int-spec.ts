import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@upops/testing';
import { platformMigrations } from './index';
import { describeSchema } from './schema-description';

const snapshotFile = join(__dirname, '..', 'schema.snapshot.txt');

describe('platform migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrations: platformMigrations });
  });
  afterAll(() => db.drop());

  it('migrate an empty database to the committed schema snapshot (UPDATE_SNAPSHOT=1 rewrites it)', async () => {
    const schema = await describeSchema(db.pool);
    if (process.env.UPDATE_SNAPSHOT === '1') writeFileSync(snapshotFile, schema);
    expect(schema).toBe(readFileSync(snapshotFile, 'utf8'));
  });

  it('apply nothing the second time', async () => {
    const applied = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toEqual([]);
  });

  it('revert completely, leaving only the migrations table', async () => {
    for (let i = 0; i < platformMigrations.length; i++) await db.dataSource.undoLastMigration({ transaction: 'each' });
    const { rows } = await db.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(['schema_migrations']);
    const functions = await db.pool.query(`SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace`);
    expect(functions.rows).toEqual([]);
  });
});

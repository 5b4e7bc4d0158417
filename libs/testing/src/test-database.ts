import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, type MigrationClass, poolOf, runMigrations } from '@upops/database';

export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  pool: Pool;
  /** Closes connections and drops the database. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through jest (its global setup provides one)');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A database of its own for one test file, migrated with `migrations`. Durability is off for
 * this database only (synchronous_commit), which keeps the machine's other databases safe.
 */
export async function createTestDatabase(options: { migrations: readonly MigrationClass[]; poolSize?: number }): Promise<TestDatabase> {
  const name = `upops_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  const dataSource = await createDataSource({ url, migrations: options.migrations, poolSize: options.poolSize ?? 40 }).initialize();
  await runMigrations(dataSource);
  return {
    name,
    url,
    dataSource,
    pool: poolOf(dataSource),
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      const cleanup = new Client({ connectionString: adminUrl() });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

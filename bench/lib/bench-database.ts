import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, type MigrationClass, poolOf, runMigrations } from '@upops/database';

/** A PostgreSQL server to run the bench on: the one in DATABASE_URL, or an embedded one. */
export interface BenchServer {
  adminUrl: string;
  source: 'DATABASE_URL' | 'embedded';
  stop(): Promise<void>;
}

export interface BenchDatabase {
  name: string;
  dataSource: DataSource;
  pool: Pool;
  /** Closes connections and drops the database; safe to call twice. */
  drop(): Promise<void>;
}

export interface ServerSettings {
  version: string;
  synchronousCommit: string;
  fsync: string;
}

interface EmbeddedModule {
  startEmbeddedPostgres(options: {
    dataDir: string;
    persistent?: boolean;
    durable?: boolean;
    database?: string;
  }): Promise<{ url: string; port: number; stop(): Promise<void> }>;
}

// ts-node emits CommonJS, which would turn a plain `import()` into `require()`; the
// launcher is an ES module, so the import has to survive compilation untouched.
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

export async function startServer(log: (line: string) => void): Promise<BenchServer> {
  const url = process.env.DATABASE_URL;
  if (url) return { adminUrl: url, source: 'DATABASE_URL', stop: async () => undefined };

  const launcher = join(__dirname, '..', '..', 'libs', 'database', 'embedded', 'embedded-postgres.mjs');
  const embedded = (await importEsm(pathToFileURL(launcher).href)) as EmbeddedModule;
  const dir = await mkdtemp(join(tmpdir(), 'upops-bench-pg-'));
  log(`DATABASE_URL unset: starting embedded PostgreSQL in ${dir}`);
  const started = await embedded.startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    persistent: false,
    durable: false,
    database: 'bench',
  });
  return {
    adminUrl: started.url,
    source: 'embedded',
    stop: async () => {
      await started.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database for one bench run, migrated like an app would. Unlike the test helper,
 * synchronous_commit is left at the server default: raw inserts and appends both pay for
 * a durable commit, so their ratio reflects the event store's own overhead.
 */
export async function createBenchDatabase(
  adminUrl: string,
  migrations: readonly MigrationClass[],
  poolSize: number,
): Promise<BenchDatabase> {
  const name = `upops_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const dataSource = await createDataSource({
    url: withDatabase(adminUrl, name),
    migrations,
    poolSize,
    applicationName: 'upops-bench',
  }).initialize();
  await runMigrations(dataSource);

  let dropped = false;
  return {
    name,
    dataSource,
    pool: poolOf(dataSource),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export async function serverSettings(pool: Pool): Promise<ServerSettings> {
  const { rows } = await pool.query<{ version: string; sync: string; fsync: string }>(
    `SELECT current_setting('server_version') AS version,
            current_setting('synchronous_commit') AS sync, current_setting('fsync') AS fsync`,
  );
  return { version: rows[0].version, synchronousCommit: rows[0].sync, fsync: rows[0].fsync };
}

async function withAdmin(url: string, work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// Runs once per `npm test`: when DATABASE_URL is unset, one embedded PostgreSQL serves the
// whole run (each test file still gets a database of its own). Workers inherit the URL.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../database/embedded/embedded-postgres.mjs';

export default async function globalSetup() {
  if (process.env.DATABASE_URL || globalThis.__UPOPS_EMBEDDED_PG__) return;
  const dir = await mkdtemp(join(tmpdir(), 'upops-test-pg-'));
  const started = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    persistent: false,
    durable: false,
    database: 'test',
  });
  globalThis.__UPOPS_EMBEDDED_PG__ = started;
  process.env.DATABASE_URL = started.url;
  process.stdout.write(`\n[upops] DATABASE_URL unset: started embedded PostgreSQL on port ${started.port}\n`);
}

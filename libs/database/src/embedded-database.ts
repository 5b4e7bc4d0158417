import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface EmbeddedModule {
  startEmbeddedPostgres(options: {
    dataDir: string;
    port?: number;
    persistent?: boolean;
    durable?: boolean;
    database?: string;
    log?: (line: string) => void;
  }): Promise<EmbeddedDatabase>;
}

/**
 * Starts the embedded default database (real PostgreSQL binaries from the npm registry)
 * with its files under `dataDir`. The launcher is an ES module shared with jest's setup.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const launcher = pathToFileURL(join(__dirname, '..', 'embedded', 'embedded-postgres.mjs')).href;
  const embedded = (await import(launcher)) as EmbeddedModule;
  return embedded.startEmbeddedPostgres({
    dataDir: join(options.dataDir, 'postgres'),
    port: options.port,
    persistent: true,
    durable: true,
    database: 'upops',
    log: options.log,
  });
}

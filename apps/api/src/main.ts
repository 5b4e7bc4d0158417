import 'reflect-metadata';
import { loadPlatformConfigOrExit } from '@upops/config';
import { startApi } from './create-api-app';

async function main(): Promise<void> {
  const config = loadPlatformConfigOrExit();
  const url = config.database.url;
  if (!url) {
    process.stderr.write('Invalid configuration:\n  DATABASE_URL: required by the api process (npm start provides one)\n');
    process.exit(1);
  }
  const jwtSecret = config.identity.jwtSecret;
  if (!jwtSecret) {
    process.stderr.write('Invalid configuration:\n  JWT_SECRET: required by the api process (npm start provides one)\n');
    process.exit(1);
  }
  const { url: base } = await startApi({ ...config, database: { ...config.database, url }, identity: { ...config.identity, jwtSecret } });
  process.stdout.write(`UPOPs api ready: GraphQL ${base}/graphql (subscriptions: ws on the same path), health ${base}/health\n`);
  process.send?.({ type: 'ready', graphql: `${base}/graphql` });
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { loadPlatformConfigOrExit, requireSetting } from '@upops/config';
import { startApi } from './create-api-app';

async function main(): Promise<void> {
  const config = loadPlatformConfigOrExit();
  const url = requireSetting(config.database.url, 'DATABASE_URL', 'the api process (npm start provides one)');
  const jwtSecret = requireSetting(config.identity.jwtSecret, 'JWT_SECRET', 'the api process (npm start provides one)');
  const { url: base } = await startApi({ ...config, database: { ...config.database, url }, identity: { ...config.identity, jwtSecret } });
  process.stdout.write(`UPOPs api ready: GraphQL ${base}/graphql (subscriptions: ws on the same path), health ${base}/health\n`);
  process.send?.({ type: 'ready', graphql: `${base}/graphql` });
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

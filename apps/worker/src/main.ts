import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadPlatformConfigOrExit, requireSetting } from '@upops/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadPlatformConfigOrExit();
  const url = requireSetting(config.database.url, 'DATABASE_URL', 'the worker process (npm start provides one)');
  const app = await NestFactory.createApplicationContext(WorkerModule.register({ ...config, database: { ...config.database, url } }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write(`UPOPs worker running (${config.kafka ? 'Kafka' : 'PostgreSQL'} event bus)\n`);
  process.send?.({ type: 'ready' });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

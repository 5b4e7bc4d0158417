import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { type ApiConfig, ApiModule } from './api.module';

export type { ApiConfig };

/** Builds and starts the api; tests use it with port 0 and a database of their own. */
export async function startApi(config: ApiConfig): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(ApiModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(config.api.port, config.api.host);
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://${config.api.host}:${address.port}` };
}

import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadPlatformConfig } from '@upops/config';
import { PostgresEventStore } from '@upops/event-store';
import { platformMigrations } from '@upops/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@upops/testing';
import { WorkerModule } from './worker.module';

describe('worker', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: platformMigrations });
    const config = loadPlatformConfig({ LOG_LEVEL: 'silent' });
    worker = await NestFactory.createApplicationContext(
      // Each subscription holds one connection for its lease (four now) and takes one for a batch.
      WorkerModule.register({ ...config, database: { ...config.database, url: db.url, poolSize: 10 } }),
      { logger: false },
    );
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await db.drop();
  });

  it('refuses to start with a pool too small for its subscriptions, saying which setting to raise (instead of stalling)', async () => {
    const config = loadPlatformConfig({ LOG_LEVEL: 'silent' });
    const starting = NestFactory.createApplicationContext(WorkerModule.register({ ...config, database: { ...config.database, url: db.url, poolSize: 5 } }), {
      logger: false,
      abortOnError: false,
    });
    await expect(starting).rejects.toThrow(/DATABASE_POOL_SIZE is 5, but 4 subscriptions need at least 9 connections/);
  });

  it('runs the platform subscriptions: appended events reach the statistics read model', async () => {
    const store = new PostgresEventStore(db.pool);
    await store.append('w-1', [{ type: 'ActivityRecorded', data: {} }, { type: 'ActivityRecorded', data: {} }], { streamType: 'inventory', expectedVersion: 'no_stream', metadata: { actor: 'a' } });
    await store.append('w-2', [{ type: 'EditionPublished', data: {} }], { streamType: 'catalogue', expectedVersion: 'no_stream', metadata: { actor: 'a' } });
    const stats = await eventually(
      async () => (await db.pool.query<{ stream_type: string; event_type: string; event_count: string }>('SELECT stream_type, event_type, event_count FROM es_event_type_statistics ORDER BY 1, 2')).rows,
      (rows) => rows.length === 2,
    );
    expect(stats.map((r) => [r.stream_type, r.event_type, Number(r.event_count)])).toEqual([
      ['catalogue', 'EditionPublished', 1],
      ['inventory', 'ActivityRecorded', 2],
    ]);
  });
});

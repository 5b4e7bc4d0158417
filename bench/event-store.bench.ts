/**
 * Event store throughput: PostgresEventStore.append against plain inserts of the same
 * shape on the same database, and a SubscriptionRunner catch-up over a million events.
 * See bench/README.md for how to run it and how to read the figures.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { eventStoreMigrations, PostgresEventStore } from '@upops/event-store';
import { type BenchDatabase, createBenchDatabase, serverSettings, startServer } from './lib/bench-database';
import { catchUp, type CatchUpStats, seedEvents } from './lib/catch-up';
import { type CaseStats, comparePair, type PairPlan } from './lib/measure';
import {
  catchUpVerdict,
  printCase,
  printCatchUp,
  printHeader,
  printRatio,
  ratio,
  type Ratio,
  writeJson,
} from './lib/report';
import { appendWriter, createRawTable, rawWriter } from './lib/workloads';

const CONFIG = {
  single: { warmupOps: 200, ops: 2000, rounds: 4 } satisfies PairPlan,
  batch: { size: 100, warmupOps: 20, ops: 200, rounds: 4 } satisfies PairPlan & { size: number },
  concurrent: { writers: 8, warmupOps: 50, ops: 500, rounds: 4 } satisfies PairPlan & { writers: number },
  catchUp: {
    events: envInt('BENCH_CATCHUP_EVENTS', 1_000_000),
    streams: 1000,
    seedChunk: 100_000,
    batchSizes: envList('BENCH_CATCHUP_BATCH_SIZES', [20_000]),
  },
  targets: { single: 0.9, batch: 0.8, catchUpEventsPerSecond: 50_000 },
};

const RESULTS_FILE = join(__dirname, 'results', 'event-store-latest.json');

interface WriteResults {
  cases: Record<string, CaseStats & { label: string }>;
  ratios: Ratio[];
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const server = await startServer(log);
  let db: BenchDatabase | undefined;
  const cleanup = once(async () => {
    await db?.drop();
    await server.stop();
  });
  // Ctrl-C would skip `finally`: still drop the bench database and stop an embedded server.
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    db = await createBenchDatabase(server.adminUrl, eventStoreMigrations, CONFIG.concurrent.writers + 4);
    const settings = await serverSettings(db.pool);
    log(`PostgreSQL ${settings.version} (${server.source}), database ${db.name}, ` +
      `synchronous_commit=${settings.synchronousCommit}, fsync=${settings.fsync}, ${cpus().length} CPUs\n`);

    await createRawTable(db.pool);
    const writes = await writeCases(db.pool, new PostgresEventStore(db.pool));
    const reads = await catchUpCase(db.pool);

    await writeJson(RESULTS_FILE, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      database: { source: server.source, ...settings },
      config: CONFIG,
      ...writes,
      catchUp: reads,
    });
    log(`\nresults written to ${RESULTS_FILE}`);
  } finally {
    await cleanup();
  }
}

/** Cases (a) to (e): each append case measured against its raw twin, interleaved. */
async function writeCases(pool: Pool, store: PostgresEventStore): Promise<WriteResults> {
  const clients = await Promise.all(Array.from({ length: CONFIG.concurrent.writers }, () => pool.connect()));
  const cases: WriteResults['cases'] = {};
  const ratios: Ratio[] = [];
  const record = (key: string, label: string, stats: CaseStats): void => {
    cases[key] = { label, ...stats };
    printCase(label, stats);
  };
  try {
    printHeader();
    const single = await comparePair(
      [rawWriter(clients[0], 'raw-single', 1)],
      [appendWriter(store, clients[0], 'append-single', 1)],
      CONFIG.single,
    );
    record('a', '(a) raw INSERT, 1 row per tx', single.raw);
    record('b', '(b) append, 1 event per call', single.append);
    ratios.push(ratio('(b)/(a)', single.append.eventsPerSecond, single.raw.eventsPerSecond, CONFIG.targets.single));
    printRatio(ratios[ratios.length - 1]);

    const size = CONFIG.batch.size;
    const batch = await comparePair(
      [rawWriter(clients[0], 'raw-batch', size)],
      [appendWriter(store, clients[0], 'append-batch', size)],
      CONFIG.batch,
    );
    record('c', `(c) raw INSERT, ${size} rows per tx`, batch.raw);
    record('d', `(d) append, ${size} events per call`, batch.append);
    ratios.push(ratio('(d)/(c)', batch.append.eventsPerSecond, batch.raw.eventsPerSecond, CONFIG.targets.batch));
    printRatio(ratios[ratios.length - 1]);

    const writers = CONFIG.concurrent.writers;
    const concurrent = await comparePair(
      clients.map((client, i) => rawWriter(client, `raw-concurrent-${i}`, 1)),
      clients.map((client, i) => appendWriter(store, client, `append-concurrent-${i}`, 1)),
      CONFIG.concurrent,
    );
    record('eRaw', `(e) ${writers} writers, raw INSERT 1 row per tx`, concurrent.raw);
    record('eAppend', `(e) ${writers} writers, append 1 event per call`, concurrent.append);
    ratios.push(ratio('(e-append)/(e-raw)', concurrent.append.eventsPerSecond, concurrent.raw.eventsPerSecond));
    printRatio(ratios[ratios.length - 1]);
    return { cases, ratios };
  } finally {
    releaseAll(clients);
  }
}

/** Case (f): seed, then replay everything once per configured batch size; the fastest counts. */
async function catchUpCase(pool: Pool): Promise<{ runs: CatchUpStats[]; best: CatchUpStats; target: number; verdict: string }> {
  const { events, streams, seedChunk, batchSizes } = CONFIG.catchUp;
  const target = CONFIG.targets.catchUpEventsPerSecond;
  log(`\nseeding es_events up to ${events.toLocaleString('en-US')} events over ${streams} streams`);
  await seedEvents(pool, events, streams, seedChunk, log);

  const runs: CatchUpStats[] = [];
  for (const batchSize of batchSizes) {
    log(`catch-up through SubscriptionRunner, batchSize ${batchSize}`);
    runs.push(await catchUp(pool, batchSize, log));
  }
  console.log('');
  runs.forEach((run) => printCatchUp(run, target));
  const best = runs.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
  if (runs.length > 1) log(`    fastest batchSize: ${best.batchSize}`);
  return { runs, best, target, verdict: catchUpVerdict(best, target) };
}

function releaseAll(clients: readonly PoolClient[]): void {
  for (const client of clients) client.release();
}

function log(line: string): void {
  console.log(line);
}

function once(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= work());
}

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function envList(name: string, fallback: number[]): number[] {
  const values = (process.env[name] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return values.length ? values : fallback;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

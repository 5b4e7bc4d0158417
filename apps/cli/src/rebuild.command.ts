import { createDataSource, poolOf } from '@upops/database';
import { PostgresEventStore, type RebuildProgress, SubscriptionRunner } from '@upops/event-store';
import { platformMigrations, platformSubscriptionHandlers } from '@upops/platform';

/** Replays every event into one subscription's read model, printing progress as it goes. */
export async function rebuild(url: string, name: string | undefined, print: (line: string) => void): Promise<number> {
  const dataSource = await createDataSource({ url, migrations: platformMigrations, poolSize: 3, applicationName: 'upops-rebuild' }).initialize();
  try {
    const pool = poolOf(dataSource);
    const handlers = platformSubscriptionHandlers(pool);
    const handler = handlers.find((h) => h.name === name);
    if (!handler) {
      print(`Unknown subscription "${name ?? ''}". Known: ${handlers.map((h) => h.name).join(', ')}`);
      return 2;
    }
    const runner = new SubscriptionRunner(pool, new PostgresEventStore(pool), handler, undefined, { batchSize: 2000 });
    const started = Date.now();
    const replayed = await runner.rebuild(progressPrinter(print));
    const seconds = (Date.now() - started) / 1000;
    print(`Rebuilt ${name}: ${replayed} events in ${seconds.toFixed(1)} s`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function progressPrinter(print: (line: string) => void): (progress: RebuildProgress) => void {
  let lastPrinted = -1;
  return ({ subscription, processed, total }) => {
    const percent = total === 0 ? 100 : Math.floor((processed / total) * 100);
    if (percent === lastPrinted) return;
    lastPrinted = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    print(`${subscription} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% (${processed}/${total})`);
  };
}

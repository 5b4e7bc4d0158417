import { createDataSource, runMigrations } from '@upops/database';
import { platformMigrations } from '@upops/platform';

export async function migrate(url: string, print: (line: string) => void): Promise<void> {
  const dataSource = await createDataSource({ url, migrations: platformMigrations, poolSize: 2, applicationName: 'upops-migrate' }).initialize();
  try {
    const { applied } = await runMigrations(dataSource);
    print(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}

import type { Pool } from 'pg';
import { DataSource, type MixedList } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export type MigrationClass = new () => unknown;

export interface DatabaseOptions {
  url: string;
  /** Every context's migrations, composed by the app in the order they must run. */
  migrations: readonly MigrationClass[];
  entities?: MixedList<string | (new () => unknown)>;
  poolSize?: number;
  applicationName?: string;
}

/** The platform's one TypeORM data source. Schema changes only through migrations. */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrations: [...options.migrations] as MixedList<string | (new () => unknown)> as never,
    entities: options.entities ?? [],
    applicationName: options.applicationName ?? 'upops',
    extra: { max: options.poolSize ?? 20 },
    logging: ['error'],
  });
}

/** The pg pool under the data source: the event store speaks SQL on the same connections. */
export function poolOf(dataSource: DataSource): Pool {
  const driver = dataSource.driver as PostgresDriver;
  if (!driver.master) throw new Error('data source is not initialised');
  return driver.master as Pool;
}

export interface MigrationReport {
  applied: string[];
}

/** Applies pending migrations, each in its own transaction; safe to call at every start. */
export async function runMigrations(dataSource: DataSource): Promise<MigrationReport> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return { applied: applied.map((migration) => migration.name) };
}

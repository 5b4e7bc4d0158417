import { createDataSource, poolOf } from '@upops/database';
import { PostgresEventStore } from '@upops/event-store';
import { IdentityService, seedDemoAccounts, shippedDemoAccounts } from '@upops/identity';
import { platformMigrations } from '@upops/platform';
import type { PlatformConfig } from '@upops/config';

/** Loads the demo data into a platform that has none yet, and says how to sign in. */
export async function seedDemoData(url: string, config: PlatformConfig, jwtSecret: string, print: (line: string) => void): Promise<void> {
  const dataSource = await createDataSource({ url, migrations: platformMigrations, poolSize: 2, applicationName: 'upops-seed' }).initialize();
  try {
    const pool = poolOf(dataSource);
    const identity = new IdentityService(pool, new PostgresEventStore(pool), { ...config.identity, jwtSecret });
    const created = await seedDemoAccounts(identity);
    if (created.length === 0) return;
    const { password } = shippedDemoAccounts();
    print(`Demo accounts created (password for all: ${password}; see libs/identity/data/demo-accounts.json):`);
    for (const account of created) print(`  ${account.email.padEnd(38)} ${account.organisation.padEnd(12)} ${account.roles.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

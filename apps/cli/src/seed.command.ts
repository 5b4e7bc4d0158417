import { CatalogueService, ensureShippedEdition, SHIPPED_EDITION_ID } from '@upops/catalogue';
import { createDataSource, poolOf } from '@upops/database';
import { PostgresEventStore } from '@upops/event-store';
import { IdentityService, seedDemoAccounts, shippedDemoAccounts } from '@upops/identity';
import { catalogueLookupSource, InventoryCommandHandler, seedDemoInventory } from '@upops/inventory';
import { platformMigrations } from '@upops/platform';
import type { PlatformConfig } from '@upops/config';

/** Loads the Toolkit catalogue and the demo accounts into a platform that has none yet. */
export async function seedPlatform(url: string, config: PlatformConfig, jwtSecret: string, print: (line: string) => void): Promise<void> {
  const dataSource = await createDataSource({ url, migrations: platformMigrations, poolSize: 2, applicationName: 'upops-seed' }).initialize();
  try {
    const pool = poolOf(dataSource);
    const store = new PostgresEventStore(pool);
    const catalogue = new CatalogueService(pool, store);
    if (await ensureShippedEdition(catalogue)) print(`Toolkit catalogue loaded and published as edition ${SHIPPED_EDITION_ID}.`);
    const identity = new IdentityService(pool, store, { ...config.identity, jwtSecret });
    if (!config.demoData) return;
    const inventories = new InventoryCommandHandler(store, catalogueLookupSource(catalogue));
    const demoInventory = await seedDemoInventory(inventories, SHIPPED_EDITION_ID);
    if (demoInventory) print(`Demo inventory ${demoInventory} opened with illustrative lines (not real statistics).`);
    const created = await seedDemoAccounts(identity);
    if (created.length === 0) return;
    const { password } = shippedDemoAccounts();
    print(`Demo accounts created (password for all: ${password}; see libs/identity/data/demo-accounts.json):`);
    for (const account of created) print(`  ${account.email.padEnd(38)} ${account.organisation.padEnd(12)} ${account.roles.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

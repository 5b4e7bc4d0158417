import type { InventoryCommand } from '../domain/inventory.commands';
import { isOpened } from '../domain/inventory.state';
import type { InventoryCommandHandler } from './inventory-commands.handler';
import { inventoryIdOf } from './inventory.service';

export const DEMO_INVENTORY = { party: 'KEN', referenceYear: 2024 } as const;

/** Illustrative figures for trying the platform: not any Party's statistics. */
const DEMO_LINES: Extract<InventoryCommand, { type: 'RecordActivity' }>[] = [
  { type: 'RecordActivity', lineId: 'demo-msw-open', classCode: '1a1', facilityName: null, activityRate: 12, unit: 'kt', dataSource: 'Demo figure', note: 'Illustrative only' },
  { type: 'RecordActivity', lineId: 'demo-msw-controlled', classCode: '1a2', facilityName: 'Demo incinerator A', activityRate: 5000, unit: 't', dataSource: 'Demo figure', note: 'Illustrative only' },
  { type: 'RecordActivity', lineId: 'demo-sinter', classCode: '2a1', facilityName: null, activityRate: 150_000, unit: 't', dataSource: 'Demo figure', note: 'Illustrative only' },
  { type: 'RecordActivity', lineId: 'demo-biomass', classCode: '3b1', facilityName: 'Demo sugar mill boilers', activityRate: 400_000, unit: 'GJ', dataSource: 'Demo figure', note: 'Illustrative only' },
];

/** Opens the demo inventory (KEN 2024) with a few lines, once: a platform that has it is left alone. */
export async function seedDemoInventory(handler: InventoryCommandHandler, editionId: string): Promise<string | undefined> {
  const inventoryId = inventoryIdOf(DEMO_INVENTORY.party, DEMO_INVENTORY.referenceYear);
  if (isOpened(await handler.load(inventoryId))) return undefined;
  const actor = { accountId: 'platform', organisation: DEMO_INVENTORY.party };
  await handler.executeAll(
    inventoryId,
    [{ type: 'OpenInventory', inventoryId, ...DEMO_INVENTORY, editionId, tefScheme: 'WHO-2005' }, ...DEMO_LINES],
    actor,
  );
  return inventoryId;
}

import type { CatalogueLookup, InventoryContext } from '../domain/inventory.commands';
import { inventoryEvent, type InventoryEvent } from '../domain/inventory.events';
import type { ActivityLine } from '../domain/inventory.types';

/** A small catalogue held in memory: what a handler would load before deciding. */
interface FakeEdition {
  published: boolean;
  classes: Record<string, { categoryCode: string; activityUnit: string }>;
  categories: string[];
}

export const EDITIONS: Record<string, FakeEdition> = {
  'toolkit-2013': {
    published: true,
    categories: ['1a', '2a', '3b', '9z'],
    classes: {
      '1a1': { categoryCode: '1a', activityUnit: 't of waste burned' },
      '1a2': { categoryCode: '1a', activityUnit: 't of waste burned' },
      '2a1': { categoryCode: '2a', activityUnit: 't of sinter produced' },
      '3b1': { categoryCode: '3b', activityUnit: 'TJ of fuel burned' },
      '6a1': { categoryCode: '6a', activityUnit: 't or m3 of crude' },
    },
  },
  'toolkit-2025': {
    published: true,
    categories: ['1a', '3b'],
    classes: {
      '1a1': { categoryCode: '1a', activityUnit: 't of waste burned' },
      '1a2': { categoryCode: '1a', activityUnit: 't of waste burned' },
      '3b1': { categoryCode: '3b', activityUnit: 'TJ of fuel burned' },
    },
  },
  'draft-2026': { published: false, categories: [], classes: {} },
};

export const catalogue: CatalogueLookup = {
  editionPublished: (editionId) => EDITIONS[editionId]?.published === true,
  tefSchemeExists: (schemeId) => ['WHO-2005', 'WHO-1998', 'I-TEF'].includes(schemeId),
  classExists: (editionId, classCode) => EDITIONS[editionId]?.classes[classCode] !== undefined,
  categoryOf: (editionId, classCode) => EDITIONS[editionId]?.classes[classCode]?.categoryCode,
  categoryExists: (editionId, categoryCode) => EDITIONS[editionId]?.categories.includes(categoryCode) === true,
  activityUnitOf: (editionId, classCode) => EDITIONS[editionId]?.classes[classCode]?.activityUnit,
};

export const NOW = new Date('2026-11-28T10:00:00Z');
export const context: InventoryContext = { now: NOW, catalogue };

export const INVENTORY_ID = 'inv-ken-2024';

export const opened: InventoryEvent = inventoryEvent('InventoryOpened', {
  inventoryId: INVENTORY_ID,
  party: 'KEN',
  referenceYear: 2024,
  editionId: 'toolkit-2013',
  tefScheme: 'WHO-2005',
  openedAt: NOW.toISOString(),
});

export function line(lineId: string, overrides: Partial<ActivityLine> = {}): ActivityLine {
  return {
    lineId,
    classCode: '1a1',
    categoryCode: '1a',
    facilityName: null,
    activityRate: 1000,
    unit: 't of waste burned',
    dataSource: 'National statistics 2024',
    note: '',
    revision: 1,
    ...overrides,
  };
}

export function recorded(lineId: string, overrides: Partial<ActivityLine> = {}): InventoryEvent {
  return inventoryEvent('ActivityRecorded', { inventoryId: INVENTORY_ID, line: line(lineId, overrides) });
}

import { INVENTORY_ID, NOW, line, opened, recorded } from '../testing/inventory.fixtures';
import { decide } from './decide';
import { context } from '../testing/inventory.fixtures';
import type { InventoryCommand } from './inventory.commands';
import { inventoryEvent, type InventoryEvent } from './inventory.events';
import { NO_INVENTORY, evolve, replay, stateAtVersion, type InventoryState } from './inventory.state';

const id = INVENTORY_ID;

/** Runs commands one after another as a handler would, failing on a refusal. */
function run(commands: InventoryCommand[]): InventoryEvent[] {
  return commands.reduce<InventoryEvent[]>((events, command) => {
    const decision = decide(command, replay(events), context);
    if (!decision.ok) throw decision.error;
    return [...events, ...decision.events];
  }, []);
}

describe('evolve and replay', () => {
  const story: InventoryCommand[] = [
    { type: 'OpenInventory', inventoryId: id, party: 'KEN', referenceYear: 2024, editionId: 'toolkit-2013', tefScheme: 'WHO-2005' },
    { type: 'RecordActivity', lineId: 'l1', classCode: '1a1', activityRate: 1000, unit: 't of waste burned', dataSource: 'National statistics 2024' },
    { type: 'RecordActivity', lineId: 'l2', classCode: '3b1', activityRate: 40, unit: 'TJ' },
    { type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { activityRate: 1200 } },
    {
      type: 'OverrideEmissionFactor',
      overrideId: 'o1',
      scope: { kind: 'line', lineId: 'l1' },
      basedOnRevision: 2,
      substance: 'PCDD/PCDF',
      vector: 'air',
      value: { kind: 'value', value: 350 },
      unit: 'µg TEQ/t',
      justification: 'Stack measurements',
      reference: 'NEMA 2023/17',
    },
    { type: 'MarkCategoryNotOccurring', categoryCode: '2a', note: 'No sinter plants' },
    { type: 'WithdrawOverride', overrideId: 'o1' },
    { type: 'RemoveActivity', lineId: 'l2', basedOnRevision: 1 },
    { type: 'SwitchEdition', editionId: 'toolkit-2025', explanation: 'New factors' },
  ];

  it('builds the inventory from its events, with per-line revisions and the stream version', () => {
    const state = replay(run(story));
    expect(state).toEqual({
      status: 'draft',
      inventoryId: id,
      party: 'KEN',
      referenceYear: 2024,
      editionId: 'toolkit-2025',
      tefScheme: 'WHO-2005',
      openedAt: NOW.toISOString(),
      lines: { l1: line('l1', { activityRate: 1200, revision: 4 }) },
      overrides: {},
      notOccurring: { '2a': { categoryCode: '2a', note: 'No sinter plants' } },
      retiredLineIds: { l2: true },
      version: 9,
    });
  });

  it('travels back in time by replaying a prefix of the stream', () => {
    const events = run(story);
    const atFive = stateAtVersion(events, 5);
    expect(atFive.version).toBe(5);
    expect(atFive.status !== 'absent' && Object.keys(atFive.overrides)).toEqual(['o1']);
    expect(atFive.status !== 'absent' && atFive.lines.l1.revision).toBe(3);
    expect(stateAtVersion(events, 0)).toEqual(NO_INVENTORY);
  });

  it('ignores edits before the inventory is opened, and leaves states untouched', () => {
    expect(evolve(NO_INVENTORY, recorded('l1'))).toBe(NO_INVENTORY);
    const before: InventoryState = replay([opened, recorded('l1')]);
    const copy = JSON.parse(JSON.stringify(before));
    evolve(before, inventoryEvent('ActivityRemoved', {
      inventoryId: id, lineId: 'l1', classCode: '1a1', categoryCode: '1a', facilityName: null, revision: 1, withdrawnOverrideIds: [], reason: null,
    }));
    expect(before).toEqual(copy);
  });
});

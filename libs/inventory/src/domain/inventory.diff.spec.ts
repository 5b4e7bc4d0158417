import { INVENTORY_ID, line, opened, recorded } from '../testing/inventory.fixtures';
import { diffInventories, isEmptyDiff } from './inventory.diff';
import { inventoryEvent } from './inventory.events';
import { NO_INVENTORY, replay } from './inventory.state';

const id = INVENTORY_ID;

describe('diffInventories', () => {
  const v1 = [opened, recorded('l1'), recorded('l2', { classCode: '3b1', categoryCode: '3b', unit: 'TJ' })];
  const v2 = [
    ...v1,
    inventoryEvent('ActivityRevised', {
      inventoryId: id, lineId: 'l1', classCode: '1a1', facilityName: null, revision: 2, changes: { activityRate: 1200 }, previous: { activityRate: 1000 },
    }),
    inventoryEvent('ActivityRemoved', {
      inventoryId: id, lineId: 'l2', classCode: '3b1', categoryCode: '3b', facilityName: null, revision: 1, withdrawnOverrideIds: [], reason: null,
    }),
    recorded('l3', { classCode: '1a2' }),
    inventoryEvent('CategoryMarkedNotOccurring', { inventoryId: id, categoryCode: '2a', note: 'No sinter plants' }),
    inventoryEvent('EditionSwitched', { inventoryId: id, fromEditionId: 'toolkit-2013', toEditionId: 'toolkit-2025', explanation: 'New factors' }),
  ];

  it('lists added, removed and changed lines, the changed fields, and header changes', () => {
    const diff = diffInventories(replay(v1), replay(v2));
    expect(diff.header).toEqual([{ field: 'editionId', before: 'toolkit-2013', after: 'toolkit-2025' }]);
    expect(diff.lines.added).toEqual([line('l3', { classCode: '1a2' })]);
    expect(diff.lines.removed.map((l) => l.lineId)).toEqual(['l2']);
    expect(diff.lines.changed).toEqual([
      {
        id: 'l1',
        before: line('l1'),
        after: line('l1', { activityRate: 1200, revision: 2 }),
        fields: [{ field: 'activityRate', before: 1000, after: 1200 }],
      },
    ]);
    expect(diff.notOccurring.added).toEqual([{ categoryCode: '2a', note: 'No sinter plants' }]);
  });

  it('reads the other way round as the inverse', () => {
    const diff = diffInventories(replay(v2), replay(v1));
    expect(diff.lines.added.map((l) => l.lineId)).toEqual(['l2']);
    expect(diff.lines.removed.map((l) => l.lineId)).toEqual(['l3']);
    expect(diff.lines.changed[0].fields).toEqual([{ field: 'activityRate', before: 1200, after: 1000 }]);
  });

  it('shows a new override, but not the revision it moved, as the change', () => {
    const overridden = inventoryEvent('EmissionFactorOverridden', {
      inventoryId: id,
      override: {
        overrideId: 'o1', scope: { kind: 'line', lineId: 'l1' }, substance: 'PCDD/PCDF', vector: 'air',
        value: { kind: 'value', value: 350 }, unit: 'µg TEQ/t', justification: 'Measured', reference: 'NEMA',
      },
      classCode: '1a1',
      replacedOverrideId: null,
      lineRevision: 2,
    });
    const diff = diffInventories(replay(v1), replay([...v1, overridden]));
    expect(diff.lines.changed).toEqual([]);
    expect(diff.overrides.added.map((o) => o.overrideId)).toEqual(['o1']);
  });

  it('is empty between equal states, and lists everything from nothing', () => {
    expect(isEmptyDiff(diffInventories(replay(v2), replay(v2)))).toBe(true);
    const fromNothing = diffInventories(NO_INVENTORY, replay(v1));
    expect(fromNothing.header).toEqual([]);
    expect(fromNothing.lines.added.map((l) => l.lineId)).toEqual(['l1', 'l2']);
    expect(isEmptyDiff(fromNothing)).toBe(false);
  });
});

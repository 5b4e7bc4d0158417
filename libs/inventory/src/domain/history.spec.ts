import { INVENTORY_ID, opened, recorded } from '../testing/inventory.fixtures';
import { historyEntry } from './history';
import { inventoryEvent } from './inventory.events';

const id = INVENTORY_ID;
const meta = { actor: 'd1', actorName: 'Wanjiru Kamau', at: new Date('2026-11-28T10:05:00Z'), version: 2 };

describe('historyEntry', () => {
  it('says who opened the inventory and when', () => {
    expect(historyEntry(opened, { actor: 'c1', at: '2026-11-28T10:00:00.000Z', version: 1 })).toEqual({
      at: '2026-11-28T10:00:00.000Z',
      actor: 'c1',
      version: 1,
      type: 'InventoryOpened',
      lineId: null,
      categoryCode: null,
      what: 'Opened the 2024 inventory of KEN (edition toolkit-2013, TEF scheme WHO-2005)',
      why: null,
    });
  });

  it('names the line, the value and the source of a recorded activity', () => {
    const entry = historyEntry(recorded('l1', { facilityName: 'Dandora', note: 'Weighbridge records' }), meta);
    expect(entry).toMatchObject({
      actor: 'Wanjiru Kamau',
      at: '2026-11-28T10:05:00.000Z',
      lineId: 'l1',
      categoryCode: '1a',
      what: 'Recorded 1a1 (Dandora): 1000 t of waste burned; source: National statistics 2024',
      why: 'Weighbridge records',
    });
  });

  it('shows each revised field from old to new', () => {
    const revised = inventoryEvent('ActivityRevised', {
      inventoryId: id,
      lineId: 'l1',
      classCode: '1a1',
      facilityName: null,
      revision: 2,
      changes: { activityRate: 1200, dataSource: 'Survey 2025' },
      previous: { activityRate: 1000, dataSource: '' },
    });
    expect(historyEntry(revised, meta).what).toBe('Revised 1a1 to revision 2: activity rate 1000 → 1200; data source — → "Survey 2025"');
  });

  it('gives the justification of an override and the explanation of an edition switch as the why', () => {
    const overridden = inventoryEvent('EmissionFactorOverridden', {
      inventoryId: id,
      override: {
        overrideId: 'o1',
        scope: { kind: 'class', classCode: '1a1' },
        substance: 'PCDD/PCDF',
        vector: 'air',
        value: { kind: 'range', low: 100, high: 350 },
        unit: 'µg TEQ/t',
        justification: 'Stack measurements 2023',
        reference: 'NEMA 2023/17',
      },
      classCode: '1a1',
      replacedOverrideId: null,
      lineRevision: null,
    });
    expect(historyEntry(overridden, meta)).toMatchObject({
      what: 'Set a country-specific factor of PCDD/PCDF to air for every line of 1a1: 100–350 µg TEQ/t (NEMA 2023/17)',
      why: 'Stack measurements 2023',
    });
    const switched = inventoryEvent('EditionSwitched', { inventoryId: id, fromEditionId: 'toolkit-2013', toEditionId: 'toolkit-2025', explanation: 'New factors' });
    expect(historyEntry(switched, meta)).toMatchObject({ what: 'Switched from edition toolkit-2013 to toolkit-2025', why: 'New factors' });
  });

  it('describes every other event', () => {
    const events = [
      inventoryEvent('ActivityRemoved', {
        inventoryId: id, lineId: 'l1', classCode: '1a1', categoryCode: '1a', facilityName: 'Dandora', revision: 3, withdrawnOverrideIds: ['o1'], reason: 'Closed',
      }),
      inventoryEvent('EmissionFactorOverrideWithdrawn', {
        inventoryId: id, overrideId: 'o1', scope: { kind: 'line', lineId: 'l1' }, classCode: '1a1', substance: 'PCB', vector: 'residue', lineRevision: 3, reason: null,
      }),
      inventoryEvent('CategoryMarkedNotOccurring', { inventoryId: id, categoryCode: '2a', note: 'No sinter plants' }),
      inventoryEvent('CategoryUnmarked', { inventoryId: id, categoryCode: '2a', reason: null }),
      inventoryEvent('InventorySubmitted', { inventoryId: id, submissionId: 's1', submittedAt: '2026-11-30T00:00:00.000Z' }),
      inventoryEvent('InventoryReopened', { inventoryId: id, reason: 'Request for change' }),
    ];
    expect(events.map((event) => [historyEntry(event, meta).what, historyEntry(event, meta).why])).toEqual([
      ['Removed 1a1 (Dandora) and its 1 country-specific factor', 'Closed'],
      ['Withdrew the country-specific factor of PCB to residue for line l1 of 1a1', null],
      ['Marked category 2a not occurring', 'No sinter plants'],
      ['Unmarked category 2a: it may occur', null],
      ['Submitted the inventory (submission s1)', null],
      ['Reopened the inventory for drafting', 'Request for change'],
    ]);
  });
});

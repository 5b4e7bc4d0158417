import { type EditionState, decide as decideCatalogue, initialCatalogueState, replay as replayCatalogue, shippedCatalogue } from '@upops/catalogue';
import { inventoryEvent } from './inventory.events';
import { inventoryReleases } from './inventory-releases';
import { type OpenedInventory, replay } from './inventory.state';
import { INVENTORY_ID, opened, recorded } from '../testing/inventory.fixtures';

function shippedEdition(): EditionState {
  const decision = decideCatalogue(
    { type: 'ImportEditionSnapshot', editionId: 'toolkit-2013', title: 't', snapshot: shippedCatalogue().snapshot, reason: 'test' },
    initialCatalogueState,
    new Date('2026-01-01T00:00:00Z'),
  );
  if (!decision.ok) throw decision.error;
  return replayCatalogue(decision.events).editions['toolkit-2013'];
}

const edition = shippedEdition();
const PCDD = 'PCDD/PCDF';

function inventory(): OpenedInventory {
  return replay([
    opened,
    recorded('msw', { classCode: '1a1', activityRate: 12, unit: 'kt' }),
    recorded('biomass', { classCode: '3b1', categoryCode: '3b', activityRate: 400_000, unit: 'GJ' }),
    recorded('controlled', { classCode: '1a2', activityRate: 5000, unit: 't' }),
    inventoryEvent('EmissionFactorOverridden', {
      inventoryId: INVENTORY_ID,
      override: {
        overrideId: 'o1',
        scope: { kind: 'line', lineId: 'controlled' },
        substance: PCDD,
        vector: 'air',
        value: { kind: 'value', value: 100 },
        unit: 'µg TEQ/t',
        justification: 'stack measurements 2023',
        reference: 'NEMA report 12',
      },
      classCode: '1a2',
      replacedOverrideId: null,
      lineRevision: 2,
    }),
  ]) as OpenedInventory;
}

const close = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / expected).toBeLessThan(1e-9);
};

describe('inventory releases under the shipped edition', () => {
  const result = inventoryReleases(inventory(), edition);
  const cell = (lineId: string, vector: string) =>
    result.lines.find((l) => l.lineId === lineId)?.cells.find((c) => c.substance === PCDD && c.vector === vector)?.release;

  it('given 12 kt of waste in class 1a1, then air = 3500 µg TEQ/t x 12,000 t = 42 g TEQ/a and residue = 75 x 12,000 = 0.9 g', () => {
    expect(cell('msw', 'air')).toEqual({ kind: 'release', grams: 42, basis: 'TEQ' });
    const residue = cell('msw', 'residue');
    close(residue?.kind === 'release' ? residue.grams : null, 0.9);
  });

  it('keeps ND as ND, never 0', () => {
    expect(cell('msw', 'water')).toEqual({ kind: 'ND' });
  });

  it('converts 400,000 GJ to 400 TJ for 3b1: air 500 µg TEQ/TJ x 400 = 0.2 g, residue 15 x 400 = 0.006 g', () => {
    const air = cell('biomass', 'air');
    const residue = cell('biomass', 'residue');
    close(air?.kind === 'release' ? air.grams : null, 0.2);
    close(residue?.kind === 'release' ? residue.grams : null, 0.006);
  });

  it('applies a line override (100 µg TEQ/t x 5,000 t = 0.5 g) and keeps the edition factor for the other vectors (500 x 5,000 = 2.5 g)', () => {
    const air = result.lines.find((l) => l.lineId === 'controlled')?.cells.find((c) => c.substance === PCDD && c.vector === 'air');
    expect(air?.countrySpecific).toBe(true);
    close(air?.release.kind === 'release' ? air.release.grams : null, 0.5);
    const residue = cell('controlled', 'residue');
    close(residue?.kind === 'release' ? residue.grams : null, 2.5);
  });

  it('totals the nation (46.106 g TEQ/a), the air vector (42.7 g) and the categories 1a (45.9 g) and 3b (0.206 g)', () => {
    expect(result.uncalculated).toEqual([]);
    close(result.totals.nation.find((t) => t.substance === PCDD)?.grams, 42 + 0.9 + 0.2 + 0.006 + 0.5 + 2.5);
    close(result.totals.vector.find((t) => t.substance === PCDD && t.keys.vector === 'air')?.grams, 42.7);
    close(result.totals.category.find((t) => t.substance === PCDD && t.keys.category === '1a')?.grams, 45.9);
    close(result.totals.category.find((t) => t.substance === PCDD && t.keys.category === '3b')?.grams, 0.206);
    expect(result.totals.group.map((t) => t.keys.group)).toEqual(expect.arrayContaining(['1', '3']));
  });

  it('lists a line the calculation cannot compute with its reasons and leaves it out of the totals', () => {
    const key = `1a1|${PCDD}|air`;
    const broken: EditionState = { ...edition, factors: { ...edition.factors, [key]: { ...edition.factors[key], unit: 'µg TEQ/barrel' } } };
    const withBroken = inventoryReleases(inventory(), broken);
    expect(withBroken.uncalculated).toEqual([{ lineId: 'msw', errors: [expect.objectContaining({ code: 'UNIT_UNKNOWN' })] }]);
    expect(withBroken.lines.map((l) => l.lineId).sort()).toEqual(['biomass', 'controlled']);
    close(withBroken.totals.nation.find((t) => t.substance === PCDD)?.grams, 0.2 + 0.006 + 0.5 + 2.5);
  });
});

import { parseActivityUnit } from '@upops/calculation';
import { type AnnexCMapping, type EditionState, decide, initialCatalogueState, replay, shippedCatalogue } from '@upops/catalogue';
import { type ActivityLine, type EmissionFactorOverride, type OpenedInventory, inventoryReleases } from '@upops/inventory';
import { DEFAULT_QAQC_OPTIONS } from './default-qaqc-options';
import { ND_CELLS_LISTED } from './qaqc-inventory-rules';
import { QAQC_RULES, type QaqcInput, type QaqcOptions } from './qaqc.types';
import { runQaqc } from './run-qaqc';

// The shipped catalogue, imported once as the calculation and the inventory see it.
const shipped = shippedCatalogue();
const EDITION_ID = 'toolkit-2013';
const edition: EditionState = (() => {
  const decision = decide(
    { type: 'ImportEditionSnapshot', editionId: EDITION_ID, title: 'Toolkit 2013', snapshot: shipped.snapshot, reason: 'qaqc tests' },
    initialCatalogueState,
    new Date('2026-01-01T00:00:00Z'),
  );
  if (!decision.ok) throw decision.error;
  return replay(decision.events).editions[EDITION_ID];
})();
const annexC: readonly AnnexCMapping[] = shipped.annexCMapping;

/** Annex C Part II categories of the shipped mapping, but 2a (the clean inventory estimates it). */
const PART_II_BUT_2A = ['1a', '1b', '1c', '1d', '1e', '1f', '2d', '2e', '2g', '4a', '7a'];

function line(lineId: string, classCode: string, activityRate: number, unit: string, facilityName: string | null = null): ActivityLine {
  const categoryCode = edition.classes[classCode]?.categoryCode ?? classCode.slice(0, 2);
  return { lineId, classCode, categoryCode, facilityName, activityRate, unit, dataSource: 'test', note: '', revision: 1 };
}

function inventory(
  lines: ActivityLine[],
  notOccurring: string[] = PART_II_BUT_2A,
  overrides: EmissionFactorOverride[] = [],
): OpenedInventory {
  return {
    status: 'draft',
    inventoryId: 'inv-ken-2024',
    party: 'KEN',
    referenceYear: 2024,
    editionId: EDITION_ID,
    tefScheme: 'WHO-2005',
    openedAt: '2026-01-01T00:00:00.000Z',
    lines: Object.fromEntries(lines.map((l) => [l.lineId, l])),
    overrides: Object.fromEntries(overrides.map((o) => [o.overrideId, o])),
    notOccurring: Object.fromEntries(notOccurring.map((c) => [c, { categoryCode: c, note: 'does not occur' }])),
    retiredLineIds: {},
    version: 1,
  };
}

/** 2a1 (air 20 µg TEQ/t, no ND cell, no residue) x 5e6 t: exactly 100 g TEQ/a. */
const sinter = () => line('l-sinter', '2a1', 5e6, 't of sinter produced');
const clean = () => inventory([sinter()]);

function input(inv: OpenedInventory, previous: QaqcInput['previous'] = null): QaqcInput {
  return { inventory: inv, releases: inventoryReleases(inv, edition), edition, annexC, previous };
}

const run = (inv: OpenedInventory, options: QaqcOptions = DEFAULT_QAQC_OPTIONS, previous: QaqcInput['previous'] = null) =>
  runQaqc(input(inv, previous), options);
const ofRule = (inv: OpenedInventory, rule: string, options?: QaqcOptions) => run(inv, options).filter((f) => f.rule === rule);

describe('runQaqc', () => {
  it('finds nothing in a clean inventory: every Part II category addressed, units right, no ND, no residue reuse, stable total', () => {
    const previous = { inventoryId: 'inv-ken-2020', referenceYear: 2020, nationalTotalGrams: 80 };
    expect(run(clean(), DEFAULT_QAQC_OPTIONS, previous)).toEqual([]);
  });

  describe('UNIT_INCOMPATIBLE (blocker)', () => {
    it('reports a line the calculation refused because its unit does not convert, naming class, unit and reason', () => {
      const findings = ofRule(inventory([sinter(), line('l-tj', '1a1', 1000, 'TJ')]), 'UNIT_INCOMPATIBLE');
      expect(findings).toHaveLength(1);
      const [f] = findings;
      expect(f.findingId).toBe('UNIT_INCOMPATIBLE:line:l-tj');
      expect(f.severity).toBe('blocker');
      expect(f.subject).toEqual({ kind: 'line', lineId: 'l-tj', classCode: '1a1' });
      expect(f.message).toContain('Line l-tj (class 1a1 Low technology combustion, no APCS) in "TJ"');
      expect(f.message).toContain('"TJ" does not convert to "t of waste burned"');
    });

    it('reports a line refused for a country-specific factor whose unit cannot be read', () => {
      const override: EmissionFactorOverride = {
        overrideId: 'o-1',
        scope: { kind: 'line', lineId: 'l-sinter' },
        substance: 'PCDD/PCDF',
        vector: 'air',
        value: { kind: 'value', value: 12 },
        unit: 'µg TEQ/furlong',
        justification: 'national measurement',
        reference: 'report 2023',
      };
      const findings = ofRule(inventory([sinter()], PART_II_BUT_2A, [override]), 'UNIT_INCOMPATIBLE');
      expect(findings.map((f) => f.findingId)).toEqual(['UNIT_INCOMPATIBLE:line:l-sinter']);
      expect(findings[0].message).toContain('Unit "µg TEQ/furlong" is not one the calculation can read.');
    });

    it('reports a line whose unit no longer converts even when the releases were computed before (and only once)', () => {
      const before = clean();
      const after = inventory([{ ...sinter(), unit: 'cremations' }]);
      const stale: QaqcInput = { ...input(before), inventory: after };
      const findings = runQaqc(stale, DEFAULT_QAQC_OPTIONS).filter((f) => f.rule === 'UNIT_INCOMPATIBLE');
      expect(findings.map((f) => f.findingId)).toEqual(['UNIT_INCOMPATIBLE:line:l-sinter']);
      expect(findings[0].message).toContain('its unit "cremations" does not convert to the class\'s unit "t of sinter produced"');
    });

    it('does not report a unit that converts (kt for t of sinter produced)', () => {
      expect(ofRule(inventory([sinter(), line('l-kt', '2a1', 12, 'kt')]), 'UNIT_INCOMPATIBLE')).toEqual([]);
    });
  });

  describe('ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE (warning)', () => {
    const rule = 'ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE';

    it('converts to the range unit: 6e12 kg is 6E9 t, above the 5E9 t maximum, with the basis', () => {
      const findings = ofRule(inventory([line('l-huge', '2a1', 6e12, 'kg')]), rule);
      expect(findings.map((f) => [f.findingId, f.severity])).toEqual([['ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE:line:l-huge', 'warning']]);
      expect(findings[0].message).toContain('the activity 6E12 kg (6E9 t) is above the plausible maximum of 5E9 t a year for one country');
      expect(findings[0].message).toContain('world coal production is ~8.7e9 t/a');
    });

    it('keeps the bounds inclusive: 5e12 kg is exactly the 5e9 t maximum, 1 kg exactly the minimum', () => {
      expect(ofRule(inventory([line('l-max', '2a1', 5e12, 'kg'), line('l-min', '2a2', 1, 'kg')]), rule)).toEqual([]);
    });

    it('warns below the minimum and on energy: 0.5 kg of sinter, 3e5 PJ of biomass', () => {
      const findings = ofRule(inventory([line('l-tiny', '2a1', 0.5, 'kg'), line('l-pj', '3b1', 3e5, 'PJ')]), rule);
      expect(findings.map((f) => f.findingId)).toEqual([`${rule}:line:l-pj`, `${rule}:line:l-tiny`]);
      expect(findings[0].message).toContain('300,000 PJ (3E8 TJ) is above the plausible maximum of 2E8 TJ');
      expect(findings[1].message).toContain('0.5 kg (5E-4 t) is below the plausible minimum of 0.001 t');
    });

    it('warns on an activity of 0, whatever the unit', () => {
      const findings = ofRule(inventory([sinter(), line('l-zero', '8b1', 0, 'cremation (body)', 'Langata')]), rule);
      expect(findings.map((f) => f.findingId)).toEqual([`${rule}:line:l-zero`]);
      expect(findings[0].message).toContain('Line l-zero (class 8b1 No control, facility "Langata"): the activity is 0 cremation (body)');
    });

    it('checks counts against ranges of the same thing counted', () => {
      const findings = ofRule(inventory([sinter(), line('l-cr', '8b1', 2e8, 'cremation (body)')]), rule);
      expect(findings.map((f) => f.findingId)).toEqual([`${rule}:line:l-cr`]);
      expect(findings[0].message).toContain('above the plausible maximum of 1E8 cremation');
    });

    it('does not check a line whose unit has no applicable range', () => {
      const onlyEnergy: QaqcOptions = { ...DEFAULT_QAQC_OPTIONS, plausibleRanges: DEFAULT_QAQC_OPTIONS.plausibleRanges.filter((r) => r.unit === 'TJ') };
      expect(ofRule(inventory([line('l-huge', '2a1', 6e12, 'kg')]), rule, onlyEnergy)).toEqual([]);
    });
  });

  describe('TOTAL_JUMP (warning)', () => {
    const jump = (nationalTotalGrams: number, factor = 10) =>
      run(clean(), { ...DEFAULT_QAQC_OPTIONS, totalJumpFactor: factor }, { inventoryId: 'inv-ken-2020', referenceYear: 2020, nationalTotalGrams });

    it('is computed from the national PCDD/PCDF total (100 g TEQ/a here)', () => {
      const total = input(clean()).releases.totals.nation.find((t) => t.substance === 'PCDD/PCDF');
      expect(total?.grams).toBe(100);
    });

    it('does not fire at exactly the factor, up or down', () => {
      expect(jump(10)).toEqual([]);
      expect(jump(1000)).toEqual([]);
    });

    it('fires just above the factor, giving both totals, years and the ratio', () => {
      const findings = jump(9.99);
      expect(findings.map((f) => [f.findingId, f.severity])).toEqual([['TOTAL_JUMP:inventory', 'warning']]);
      expect(findings[0].subject).toEqual({ kind: 'inventory' });
      expect(findings[0].message).toContain(
        'The national PCDD/PCDF total is 100 g TEQ/a for 2024, 10.01 times the 9.99 g TEQ/a of 2020 (inventory inv-ken-2020): a change of more than 10-fold up.',
      );
    });

    it('fires below 1/factor', () => {
      const findings = jump(1000.1);
      expect(findings.map((f) => f.findingId)).toEqual(['TOTAL_JUMP:inventory']);
      expect(findings[0].message).toContain('0.09999 times the 1,000 g TEQ/a of 2020');
      expect(findings[0].message).toContain('more than 10-fold down');
    });

    it('follows the configured factor', () => {
      expect(jump(40, 2).map((f) => f.findingId)).toEqual(['TOTAL_JUMP:inventory']);
      expect(jump(50, 2)).toEqual([]);
    });

    it('has no ratio to form without a previous total, or with a previous total of 0', () => {
      expect(run(clean(), DEFAULT_QAQC_OPTIONS, null)).toEqual([]);
      expect(jump(0)).toEqual([]);
    });
  });

  describe('ANNEX_C_PART_II_NOT_ADDRESSED (blocker)', () => {
    const rule = 'ANNEX_C_PART_II_NOT_ADDRESSED';

    it('lists every Part II category of the edition with neither a line nor a not-occurring mark', () => {
      const findings = ofRule(inventory([sinter()], []), rule);
      expect(findings.map((f) => f.findingId)).toEqual(PART_II_BUT_2A.map((c) => `${rule}:category:${c}`));
      expect(findings.every((f) => f.severity === 'blocker')).toBe(true);
      expect(findings[0].subject).toEqual({ kind: 'category', categoryCode: '1a' });
      expect(findings[0].message).toContain(
        'Category 1a (Municipal solid waste incineration, Annex C Part II (a)) is neither estimated nor marked not occurring',
      );
    });

    it('is satisfied by a not-occurring mark or by a line, and ignores Part III only categories', () => {
      const inv = inventory([sinter(), line('l-msw', '1a3', 1000, 't of waste burned')], ['1b', '1c', '1d', '1e', '1f', '2d', '2e', '2g', '4a']);
      expect(ofRule(inv, rule).map((f) => f.findingId)).toEqual([`${rule}:category:7a`]);
    });

    it('ignores mapping rows of categories the edition does not have', () => {
      const extra: AnnexCMapping = { ...annexC[0], categoryCode: '99z', categoryName: 'Not in the edition', annexC: 'Part II (z)', refs: ['II(z)'] };
      const findings = runQaqc({ ...input(clean()), annexC: [...annexC, extra] }, DEFAULT_QAQC_OPTIONS);
      expect(findings).toEqual([]);
    });
  });

  describe('ND_CELLS (warning)', () => {
    it('lists class and vector of each ND cell once, naming substances other than PCDD/PCDF', () => {
      const inv = inventory([sinter(), line('l-msw-1', '1a1', 1000, 't'), line('l-msw-2', '1a1', 500, 't'), line('l-ship', '5d1', 2e5, 't of fuel burned')]);
      const findings = ofRule(inv, 'ND_CELLS');
      expect(findings.map((f) => [f.findingId, f.severity])).toEqual([['ND_CELLS:inventory', 'warning']]);
      const message = findings[0].message;
      expect(message).toMatch(/^4 release cells have no emission factor \(ND\) and add nothing to the totals: 1a1 water, 5d1 residue/);
      expect(message).toContain('5d1 residue (PCB)');
      expect(message).toContain('5d1 residue (HCB)');
      expect(message).not.toContain('more.');
    });

    it('lists at most 30 cells and counts the rest', () => {
      const overrides: EmissionFactorOverride[] = Array.from({ length: 35 }, (_, i) => ({
        overrideId: `o-${i}`,
        scope: { kind: 'line', lineId: 'l-sinter' },
        substance: `S${String(i).padStart(2, '0')}`,
        vector: 'land',
        value: { kind: 'ND' },
        unit: '',
        justification: 'no factor known',
        reference: 'none',
      }));
      const [f] = ofRule(inventory([sinter()], PART_II_BUT_2A, overrides), 'ND_CELLS');
      expect(ND_CELLS_LISTED).toBe(30);
      expect(f.message).toContain('35 release cells have no emission factor');
      expect(f.message).toContain('2a1 land (S00), 2a1 land (S01)');
      expect(f.message).toContain('2a1 land (S29) and 5 more.');
      expect(f.message).not.toContain('S30');
    });
  });

  describe('RESIDUE_REUSE_DOUBLE_COUNTING (warning)', () => {
    const rule = 'RESIDUE_REUSE_DOUBLE_COUNTING';
    const notOccurringButCement = PART_II_BUT_2A.filter((c) => c !== '4a' && c !== '1a');

    it('warns on the receiving category, naming the classes whose residue may be its feed (not its own)', () => {
      const inv = inventory(
        [sinter(), line('l-msw', '1a1', 1000, 't'), line('l-steel', '2c3', 1e5, 't of liquid steel'), line('l-kiln', '4a3', 1e6, 't of cement produced')],
        notOccurringButCement,
      );
      const findings = ofRule(inv, rule);
      expect(findings.map((f) => [f.findingId, f.severity])).toEqual([[`${rule}:category:4a`, 'warning']]);
      expect(findings[0].subject).toEqual({ kind: 'category', categoryCode: '4a' });
      expect(findings[0].message).toContain('Residues released by classes 1a1, 2c3 may be the feed of category 4a (Cement production): count them once');
      expect(findings[0].message).toContain('Why: Cement kilns may fire wastes');
    });

    it('stays silent when only the receiving category releases residue, or no receiving category is estimated', () => {
      const kilnOnly = inventory([sinter(), line('l-kiln', '4a3', 1e6, 't of cement produced')], notOccurringButCement.concat('1a'));
      const residueOnly = inventory([sinter(), line('l-msw', '1a1', 1000, 't')], PART_II_BUT_2A.filter((c) => c !== '1a'));
      expect(ofRule(kilnOnly, rule)).toEqual([]);
      expect(ofRule(residueOnly, rule)).toEqual([]);
    });

    it('follows the configured receiving categories', () => {
      const inv = inventory([sinter(), line('l-msw', '1a1', 1000, 't'), line('l-kiln', '4a3', 1e6, 't of cement produced')], notOccurringButCement);
      expect(ofRule(inv, rule, { ...DEFAULT_QAQC_OPTIONS, residueReceivingCategories: {} })).toEqual([]);
      const sinterFeed = { ...DEFAULT_QAQC_OPTIONS, residueReceivingCategories: { '2a': 'test: sinter plants take mill scale' } };
      expect(ofRule(inv, rule, sinterFeed).map((f) => f.findingId)).toEqual([`${rule}:category:2a`]);
    });
  });

  describe('order and ids', () => {
    const messy = (reversed: boolean) => {
      const lines = [
        line('l-9', '1a1', 0, 't'),
        line('l-10', '1a1', 1000, 'TJ'),
        line('l-2', '2a1', 6e12, 'kg'),
        line('l-3', '2c3', 1e5, 't of liquid steel'),
        line('l-kiln', '4a3', 1e6, 't of cement produced'),
      ];
      return inventory(reversed ? [...lines].reverse() : lines, ['1b', '1c']);
    };

    it('sorts by rule order, then findingId, whatever the order of the lines', () => {
      const previous = { inventoryId: 'inv-ken-2020', referenceYear: 2020, nationalTotalGrams: 1 };
      const first = run(messy(false), DEFAULT_QAQC_OPTIONS, previous);
      const second = run(messy(true), DEFAULT_QAQC_OPTIONS, previous);
      expect(second).toEqual(first);
      expect(first.map((f) => f.findingId)).toEqual([
        'UNIT_INCOMPATIBLE:line:l-10',
        'ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE:line:l-2',
        'ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE:line:l-9',
        'TOTAL_JUMP:inventory',
        'ANNEX_C_PART_II_NOT_ADDRESSED:category:1d',
        'ANNEX_C_PART_II_NOT_ADDRESSED:category:1e',
        'ANNEX_C_PART_II_NOT_ADDRESSED:category:1f',
        'ANNEX_C_PART_II_NOT_ADDRESSED:category:2d',
        'ANNEX_C_PART_II_NOT_ADDRESSED:category:2e',
        'ANNEX_C_PART_II_NOT_ADDRESSED:category:2g',
        'ANNEX_C_PART_II_NOT_ADDRESSED:category:7a',
        'ND_CELLS:inventory',
        'RESIDUE_REUSE_DOUBLE_COUNTING:category:4a',
      ]);
      const ranks = first.map((f) => QAQC_RULES.indexOf(f.rule));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });

    it('keeps ids when only numbers change, so comments on warnings still match', () => {
      const before = run(inventory([line('l-2', '2a1', 6e12, 'kg')])).map((f) => f.findingId);
      const after = run(inventory([line('l-2', '2a1', 9e12, 'kg')])).map((f) => f.findingId);
      expect(after).toEqual(before);
      expect(after).toEqual(['ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE:line:l-2']);
    });
  });

  describe('DEFAULT_QAQC_OPTIONS', () => {
    it('has a readable unit, ordered bounds and a basis saying it is a screening rule for every range', () => {
      expect(DEFAULT_QAQC_OPTIONS.totalJumpFactor).toBe(10);
      for (const range of DEFAULT_QAQC_OPTIONS.plausibleRanges) {
        expect(parseActivityUnit(range.unit).ok).toBe(true);
        expect(range.min).toBeGreaterThan(0);
        expect(range.max).toBeGreaterThan(range.min);
        expect(range.basis).toContain('not a Toolkit value');
      }
    });

    it('names only receiving categories the shipped edition has, each with a reason', () => {
      const entries = Object.entries(DEFAULT_QAQC_OPTIONS.residueReceivingCategories);
      expect(entries.map(([code]) => code).sort()).toEqual(['2g', '4a', '9a']);
      for (const [code, why] of entries) {
        expect(edition.categories[code]).toBeDefined();
        expect(why.length).toBeGreaterThan(20);
      }
    });
  });
});

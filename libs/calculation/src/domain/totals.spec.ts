import {
  CLASS_1A1,
  CLASS_3A2,
  CLASS_8B1,
  NA,
  ND,
  exactSum,
  expectRelative,
  factor,
  line,
  range,
  row,
  seeded,
  value,
} from '../testing/calculation.fixtures';
import type { ActivityLine, LineResult, Result, Vector } from './calculation.types';
import { calculateLines } from './release';
import { type Total, totals } from './totals';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  return result.value;
}

function find(list: Total[], keys: Total['keys'], substance: string): Total {
  const found = list.find((t) => t.substance === substance && Object.entries(keys).every(([k, v]) => t.keys[k as keyof Total['keys']] === v));
  if (found === undefined) throw new Error(`no total ${JSON.stringify(keys)} ${substance}`);
  return found;
}

/**
 * A small Kenyan inventory and one Ugandan line (hand-computed releases, g/a):
 * - 1a1 12 000 t, unverified: air 3500 x 12 000 / 10^6 = 42; residue 75 x 12 000 / 10^6 = 0.9; water ND; land, product NA
 * - 1a3 30 000 t, verified: air 30 x 30 000 / 10^6 = 0.9; residue 200 x 30 000 / 10^6 = 6; water ND; land, product NA
 * - 3a2 25 000 TJ, unverified: air 10 x 25 000 / 10^6 = 0.25; residue 14 x 25 000 / 10^6 = 0.35
 * - 5d1 200 000 t fuel, verified: PCB air 550 x 200 000 / 10^6 = 110 g TEQ; HCB air 140 x 200 000 / 10^6 = 28 g (mass)
 * - 8b1 (UG) 5000 cremations, unverified: air 90 x 5000 / 10^6 = 0.45; residue 2.5 x 5000 / 10^6 = 0.0125
 * - 1e3 50 000 t sludge, dl-PCB range 0.001-0.004: 0.00005-0.0002 g TEQ
 */
const LINES: ActivityLine[] = [
  line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors: CLASS_1A1, activity: { value: 12_000 } }),
  line({
    classCode: '1a3',
    classActivityUnit: 't of waste burned',
    factors: row('µg TEQ/t', [value(30), ND, NA, NA, value(200)], 'verified'),
    activity: { value: 30_000 },
  }),
  line({ classCode: '3a2', classActivityUnit: 'TJ of fuel burned', factors: CLASS_3A2, activity: { value: 25_000 } }),
  line({
    classCode: '5d1',
    classActivityUnit: 't of fuel burned',
    factors: [
      ...row('µg TEQ/t fuel burned (as printed)', [value(550), NA, NA, NA, ND], 'verified', 'PCB'),
      ...row('µg/t fuel burned', [value(140), NA, NA, NA, ND], 'verified', 'HCB'),
    ],
    activity: { value: 200_000 },
  }),
  line({ classCode: '8b1', party: 'UG', classActivityUnit: 'cremation (body)', factors: CLASS_8B1, activity: { value: 5_000 } }),
  line({
    classCode: '1e3',
    classActivityUnit: 't of sewage sludge burned',
    factors: [factor('air', range(0.001, 0.004), 'µg TEQ/t sewage sludge', { substance: 'dl-PCB' })],
    activity: { value: 50_000 },
  }),
];

describe('totals', () => {
  const results = ok(calculateLines(LINES));

  it('given the inventory, when totalled by category, then one total per category and substance, with NA/ND counted', () => {
    const byCategory = totals(results, { by: ['category'] });
    expect(byCategory.map((t) => [t.keys.category, t.substance, t.basis])).toEqual([
      ['1a', 'PCDD/PCDF', 'TEQ'],
      ['1e', 'dl-PCB', 'TEQ'],
      ['3a', 'PCDD/PCDF', 'TEQ'],
      ['5d', 'HCB', 'mass'],
      ['5d', 'PCB', 'TEQ'],
      ['8b', 'PCDD/PCDF', 'TEQ'],
    ]);
    const msw = find(byCategory, { category: '1a' }, 'PCDD/PCDF');
    // 42 + 0.9 + 0.9 + 6 = 49.8
    expectRelative(msw.grams, 49.8);
    expect(msw.counts).toEqual({ release: 4, range: 0, NA: 4, ND: 2 });
    // unverified: 1a1 only, 42 + 0.9 = 42.9 of 49.8
    expectRelative(msw.unverified.grams, 42.9);
    expectRelative(msw.unverified.share!, 42.9 / 49.8);
    expectRelative(find(byCategory, { category: '3a' }, 'PCDD/PCDF').grams, 0.6); // 0.25 + 0.35
    expectRelative(find(byCategory, { category: '8b' }, 'PCDD/PCDF').grams, 0.4625); // 0.45 + 0.0125
  });

  it('given a TEQ and a mass substance on one line, when totalled, then they are never added', () => {
    const engines = totals(results, { by: ['category'] }).filter((t) => t.keys.category === '5d');
    expect(engines.map((t) => [t.substance, t.basis, t.grams])).toEqual([
      ['HCB', 'mass', 28],
      ['PCB', 'TEQ', 110],
    ]);
    // HCB residue ND and water/land/product NA are counted, not added
    expect(engines[0].counts).toEqual({ release: 1, range: 0, NA: 3, ND: 1 });
  });

  it('given substances combined on request, when totalled, then TEQ substances add up and mass stays apart', () => {
    const combined = totals(results, { by: [], substances: 'combined' });
    expect(combined.map((t) => [t.substance, t.basis, t.substances])).toEqual([
      ['*', 'mass', ['HCB']],
      ['*', 'TEQ', ['dl-PCB', 'PCB', 'PCDD/PCDF']],
    ]);
    // TEQ: PCDD/PCDF 49.8 + 0.6 + 0.4625 = 50.8625, plus PCB 110 = 160.8625; dl-PCB only as a range
    const teq = combined[1];
    expectRelative(teq.grams, 160.8625);
    expectRelative(teq.lowGrams, 160.8625 + 0.00005);
    expectRelative(teq.highGrams, 160.8625 + 0.0002);
    expect(teq.counts.range).toBe(1);
    expect(combined[0].grams).toBe(28);
  });

  it('given a range only, when totalled, then there is no point release (null) and the ends carry the range', () => {
    const sludge = find(totals(results, { by: ['class'] }), { class: '1e3' }, 'dl-PCB');
    expect(sludge.grams).toBeNull();
    expectRelative(sludge.lowGrams, 0.00005);
    expectRelative(sludge.highGrams, 0.0002);
    // the range rests on an unverified factor; no point release, so no share
    expectRelative(sludge.unverified.highGrams, 0.0002);
    expect(sludge.unverified.share).toBeNull();
  });

  it('given two Parties, when totalled by party and by vector, then each sums its own cells', () => {
    const byParty = totals(results, { by: ['party'] });
    // KE PCDD/PCDF: 49.8 + 0.6 = 50.4; UG: 0.4625
    expectRelative(find(byParty, { party: 'KE' }, 'PCDD/PCDF').grams, 50.4);
    expectRelative(find(byParty, { party: 'UG' }, 'PCDD/PCDF').grams, 0.4625);
    const byVector = totals(results, { by: ['vector'] });
    // air PCDD/PCDF: 42 + 0.9 + 0.25 + 0.45 = 43.6; residue: 0.9 + 6 + 0.35 + 0.0125 = 7.2625
    expectRelative(find(byVector, { vector: 'air' }, 'PCDD/PCDF').grams, 43.6);
    expectRelative(find(byVector, { vector: 'residue' }, 'PCDD/PCDF').grams, 7.2625);
    // water: no number anywhere (1a1, 1a3 ND; 3a2, 8b1 NA): no grams (null, not 0), 2 ND and 2 NA counted
    const water = find(byVector, { vector: 'water' }, 'PCDD/PCDF');
    expect([water.grams, water.lowGrams, water.counts, water.unverified.share]).toEqual([
      null,
      null,
      { release: 0, range: 0, NA: 2, ND: 2 },
      null,
    ]);
  });

  it('given group and category at once, when totalled, then keys carry both', () => {
    const list = totals(results, { by: ['group', 'category'] });
    expect(find(list, { group: '1', category: '1a' }, 'PCDD/PCDF').keys).toEqual({ group: '1', category: '1a' });
    const groupOne = find(totals(results, { by: ['group'] }), { group: '1' }, 'PCDD/PCDF');
    expectRelative(groupOne.grams, 49.8);
  });

  it('given a country-specific factor, when totalled, then the grams resting on it are shown', () => {
    const [result] = ok(
      calculateLines([
        line({
          classCode: '1a1',
          classActivityUnit: 't of waste burned',
          factors: CLASS_1A1,
          overrides: [factor('air', value(2000), 'µg TEQ/t', { confidence: 'verified' })],
          activity: { value: 12_000 },
        }),
      ]),
    );
    const [total] = totals([result], { by: [] });
    // air 2000 x 12 000 / 10^6 = 24 (country-specific, verified) + residue 0.9 (unverified) = 24.9
    expectRelative(total.grams, 24.9);
    expectRelative(total.countrySpecificGrams, 24);
    expectRelative(total.unverified.share!, 0.9 / 24.9);
  });

  it('given only NA/ND cells of a substance, when totalled with the substance bases, then the total has that basis', () => {
    const [result] = ok(
      calculateLines([line({ classCode: '9e1', classActivityUnit: 't of waste oil', factors: row('', [ND, ND, ND, ND, ND]), activity: { value: 5 } })]),
    );
    expect(totals([result], { by: [] })[0].basis).toBeNull();
    const [total] = totals([result], { by: [], substanceBases: [{ code: 'PCDD/PCDF', basis: 'TEQ' }] });
    expect([total.basis, total.grams, total.counts.ND]).toEqual(['TEQ', null, 5]);
  });
});

describe('totals over many random lines (property)', () => {
  const VECTORS: Vector[] = ['air', 'water', 'land', 'product', 'residue'];
  const CLASSES = [
    { code: '1a1', unit: 't of waste burned', factorUnit: 'µg TEQ/t', activityUnits: ['t', 'kt', 'kg'] },
    { code: '3a2', unit: 'TJ of fuel burned', factorUnit: 'µg TEQ/TJ', activityUnits: ['TJ', 'GJ', 'MWh'] },
    { code: '8b1', unit: 'cremation (body)', factorUnit: 'µg TEQ/cremation', activityUnits: ['cremation'] },
    { code: '2c1', unit: 't of liquid steel', factorUnit: 'ng TEQ/kg', activityUnits: ['t', 'Mt'] },
  ];

  function randomInventory(seed: number, count: number): { lines: ActivityLine[]; reference: Map<string, number[]> } {
    const random = seeded(seed);
    const logUniform = (low: number, high: number) => 10 ** (Math.log10(low) + random() * (Math.log10(high) - Math.log10(low)));
    const lines: ActivityLine[] = [];
    const reference = new Map<string, number[]>();
    for (let i = 0; i < count; i += 1) {
      const cls = CLASSES[Math.floor(random() * CLASSES.length)];
      const activity = logUniform(1e-2, 1e7);
      const activityUnit = cls.activityUnits[Math.floor(random() * cls.activityUnits.length)];
      const factors = VECTORS.map((vector) => {
        const draw = random();
        const cell = draw < 0.15 ? NA : draw < 0.3 ? ND : value(logUniform(1e-3, 1e4));
        return factor(vector, cell, cls.factorUnit, { confidence: random() < 0.5 ? 'unverified' : 'verified' });
      });
      const category = `${cls.code.slice(0, 2)}`;
      lines.push(line({ lineId: `l${i}`, classCode: cls.code, classActivityUnit: cls.unit, factors, activity: { value: activity, unit: activityUnit } }));
      // An independent reference: each release recomputed the plain way (activity in the class unit
      // x EF / 10^6; ng/kg equals µg/t), not through the library.
      const toClassUnit: Record<string, number> = { t: 1, kt: 1e3, kg: 1e-3, Mt: 1e6, TJ: 1, GJ: 1e-3, MWh: 0.0036, cremation: 1 };
      for (const f of factors) {
        if (f.value.kind === 'value') {
          reference.set(category, [...(reference.get(category) ?? []), (activity * toClassUnit[activityUnit] * f.value.value) / 1e6]);
        }
      }
    }
    return { lines, reference };
  }

  it.each([1, 2, 3])('given 3000 random lines (seed %i), when totalled by category, then each total equals the exact sum of its cells and a hand-style reference to 1e-9', (seed) => {
    const { lines, reference } = randomInventory(seed, 3_000);
    const results: LineResult[] = ok(calculateLines(lines));
    const byCategory = totals(results, { by: ['category'] });
    expect(byCategory.map((t) => t.keys.category)).toEqual(['1a', '2c', '3a', '8b']);
    for (const total of byCategory) {
      const cells = results
        .filter((r) => r.categoryCode === total.keys.category)
        .flatMap((r) => r.cells.map((c) => c.release))
        .flatMap((r) => (r.kind === 'release' ? [r.grams] : []));
      // the total is the correctly rounded exact (BigInt) sum of its cells, to a few ulps
      expectRelative(total.grams, exactSum(cells), 1e-14);
      // and the hand-style recomputation, summed exactly, to 1e-9
      expectRelative(total.grams, exactSum(reference.get(total.keys.category!)!), 1e-9);
      // the unverified part plus the verified part is the whole
      const verified = totals(
        results.map((r) => ({ ...r, cells: r.cells.filter((c) => c.confidence === 'verified') })),
        { by: ['category'] },
      ).find((t) => t.keys.category === total.keys.category)!;
      expectRelative(total.grams, total.unverified.grams + (verified.grams ?? 0), 1e-12);
    }
  });
});

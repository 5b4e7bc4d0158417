import { canonicalJson } from './canonical-json';
import {
  activityLine,
  category,
  classOverride,
  line,
  lineOverride,
  openedInventory,
  revised,
  withLine,
  withNotOccurring,
  withOverride,
  withoutLine,
  withoutOverride,
} from '../testing/review.fixtures';
import { approvalBasis, whyLapsed } from './approval-basis';
import type { ApprovalBasis } from './review.types';

/**
 * The inventory: l1 (1a1) and l3 (1a2) in 1a, l2 (2a1) in 2a; factors of its own for class 1a1, for
 * line l3 and for class 2a1 (added in reverse id order); 9z and 3b stated not occurring.
 */
function richInventory() {
  let inventory = openedInventory();
  inventory = withOverride(inventory, classOverride('ov-z-2a1', '2a1'));
  inventory = withOverride(inventory, lineOverride('ov-m-l3', 'l3'));
  inventory = withOverride(inventory, classOverride('ov-c-1a1', '1a1'));
  inventory = withNotOccurring(inventory, '9z');
  return withNotOccurring(inventory, '3b');
}

/** What the rich inventory's factor `id` says, as the basis records it. */
const said = (id: string): string => {
  const o = richInventory().overrides[id];
  return canonicalJson({ scope: o.scope, substance: o.substance, vector: o.vector, value: o.value, unit: o.unit });
};

const basis = (changes: Partial<ApprovalBasis> = {}): ApprovalBasis => ({ editionId: 'toolkit-2013', lines: { l1: 1 }, overrideIds: [], notOccurring: [], ...changes });

describe('approvalBasis', () => {
  it('a line rests on its revision, the edition and the factors of its own and of its class, never on not-occurring statements', () => {
    expect(approvalBasis(richInventory(), line('l1'))).toEqual({ editionId: 'toolkit-2013', lines: { l1: 1 }, overrideIds: ['ov-c-1a1'], overrideFactors: { 'ov-c-1a1': said('ov-c-1a1') }, notOccurring: [] });
    expect(approvalBasis(revised(richInventory(), 'l3'), line('l3'))).toEqual({ editionId: 'toolkit-2013', lines: { l3: 2 }, overrideIds: ['ov-m-l3'], overrideFactors: { 'ov-m-l3': said('ov-m-l3') }, notOccurring: [] });
  });

  it('a category rests on all its lines, their factors (sorted), and whether it is stated not occurring', () => {
    expect(approvalBasis(richInventory(), category('1a'))).toEqual({
      editionId: 'toolkit-2013',
      lines: { l1: 1, l3: 1 },
      overrideIds: ['ov-c-1a1', 'ov-m-l3'],
      overrideFactors: { 'ov-c-1a1': said('ov-c-1a1'), 'ov-m-l3': said('ov-m-l3') },
      notOccurring: [],
    });
    // A category without lines, stated not occurring.
    expect(approvalBasis(richInventory(), category('9z'))).toEqual({ editionId: 'toolkit-2013', lines: {}, overrideIds: [], overrideFactors: {}, notOccurring: ['9z'] });
  });

  it('the inventory rests on every line, every factor and every not-occurring statement, sorted', () => {
    expect(approvalBasis(richInventory(), { kind: 'inventory' })).toEqual({
      editionId: 'toolkit-2013',
      lines: { l1: 1, l2: 1, l3: 1 },
      overrideIds: ['ov-c-1a1', 'ov-m-l3', 'ov-z-2a1'],
      overrideFactors: { 'ov-c-1a1': said('ov-c-1a1'), 'ov-m-l3': said('ov-m-l3'), 'ov-z-2a1': said('ov-z-2a1') },
      notOccurring: ['3b', '9z'],
    });
  });

  it('a line the inventory no longer has rests on nothing of it', () => {
    expect(approvalBasis(withoutLine(openedInventory(), 'l1'), line('l1'))).toEqual({ editionId: 'toolkit-2013', lines: {}, overrideIds: [], overrideFactors: {}, notOccurring: [] });
  });
});

describe('whyLapsed', () => {
  it('lapses when a country-specific factor is withdrawn and put in force again under the same id with another value', () => {
    const before = richInventory();
    const changed = withOverride(before, { ...before.overrides['ov-c-1a1'], value: { kind: 'value', value: 10_000 } });
    expect(whyLapsed(approvalBasis(before, line('l1')), approvalBasis(changed, line('l1')))).toBe(
      'Country-specific factor ov-c-1a1 now says something else (withdrawn and put in force again)',
    );
    // An approval given before factors were recorded lapses on ids alone, as it did.
    expect(whyLapsed({ ...approvalBasis(before, line('l1')), overrideFactors: undefined }, approvalBasis(changed, line('l1')))).toBeNull();
  });

  it('is null while nothing changed, whatever the order of the lines', () => {
    expect(whyLapsed(basis({ lines: { l1: 1, l3: 2 } }), basis({ lines: { l3: 2, l1: 1 } }))).toBeNull();
    const inventory = richInventory();
    expect(whyLapsed(approvalBasis(inventory, { kind: 'inventory' }), approvalBasis(inventory, { kind: 'inventory' }))).toBeNull();
  });

  it('names both editions on an edition switch', () => {
    expect(whyLapsed(basis(), basis({ editionId: 'toolkit-2025' }))).toBe('The inventory moved from edition toolkit-2013 to toolkit-2025');
  });

  it('names a removed line', () => {
    const before = approvalBasis(openedInventory(), category('1a'));
    expect(whyLapsed(before, approvalBasis(withoutLine(openedInventory(), 'l3'), category('1a')))).toBe('Line l3 was removed');
  });

  it('names a revised line with its revisions before and now', () => {
    expect(whyLapsed(basis(), basis({ lines: { l1: 3 } }))).toBe('Line l1 was revised (revision 1 -> 3)');
  });

  it('names lines added to a category, in the singular and the plural', () => {
    const before = approvalBasis(openedInventory(), category('1a'));
    const oneMore = withLine(openedInventory(), activityLine('l4', '1a1'));
    expect(whyLapsed(before, approvalBasis(oneMore, category('1a')))).toBe('Line l4 was added');
    const twoMore = withLine(oneMore, activityLine('l5', '1a2'));
    expect(whyLapsed(before, approvalBasis(twoMore, category('1a')))).toBe('Lines l4, l5 were added');
    // A line added elsewhere does not touch the category.
    expect(whyLapsed(before, approvalBasis(withLine(openedInventory(), activityLine('l6', '2a1')), category('1a')))).toBeNull();
  });

  it('names a country-specific factor withdrawn and one put in force', () => {
    const withFactor = withOverride(openedInventory(), classOverride('ov-ken-1a1', '1a1'));
    expect(whyLapsed(approvalBasis(withFactor, line('l1')), approvalBasis(withoutOverride(withFactor, 'ov-ken-1a1'), line('l1')))).toBe(
      'Country-specific factor ov-ken-1a1 was withdrawn or replaced',
    );
    expect(whyLapsed(approvalBasis(openedInventory(), line('l1')), approvalBasis(withFactor, line('l1')))).toBe('Country-specific factor ov-ken-1a1 came into force');
    // Replaced: the old one goes, the new one comes, both named.
    expect(whyLapsed(basis({ overrideIds: ['ov-1'] }), basis({ overrideIds: ['ov-2'] }))).toBe(
      'Country-specific factor ov-1 was withdrawn or replaced; country-specific factor ov-2 came into force',
    );
  });

  it('names a category stated not occurring, and one no longer stated so', () => {
    const before = approvalBasis(openedInventory(), { kind: 'inventory' });
    const marked = approvalBasis(withNotOccurring(openedInventory(), '9z'), { kind: 'inventory' });
    expect(whyLapsed(before, marked)).toBe('Category 9z was stated not occurring');
    expect(whyLapsed(marked, before)).toBe('Category 9z is no longer stated not occurring');
    // A line's approval does not rest on such statements.
    expect(whyLapsed(approvalBasis(openedInventory(), line('l1')), approvalBasis(withNotOccurring(openedInventory(), '9z'), line('l1')))).toBeNull();
  });

  it('gives every reason, in a fixed order, capitalising only the first', () => {
    const before = basis({ lines: { l1: 1, l2: 1 }, overrideIds: ['ov-1'], notOccurring: ['9z'] });
    const after = basis({ editionId: 'toolkit-2025', lines: { l1: 2, l4: 1 }, overrideIds: [], notOccurring: ['9z', '3b'] });
    expect(whyLapsed(before, after)).toBe(
      'The inventory moved from edition toolkit-2013 to toolkit-2025; line l1 was revised (revision 1 -> 2); line l2 was removed; line l4 was added; ' +
        'country-specific factor ov-1 was withdrawn or replaced; category 3b was stated not occurring',
    );
  });
});

import { importedShipped, published, smallDraft } from '../testing/catalogue.fixtures';
import { buildEditionTree, compareCodes, countFactors } from './edition-tree';
import { replay } from './evolve';

describe('buildEditionTree', () => {
  const tree = buildEditionTree(importedShipped().state.editions['toolkit-2013']);

  it('nests groups > categories > classes in Toolkit order', () => {
    expect(tree.groups.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const ironAndSteel = tree.groups[1].categories.find((c) => c.code === '2c');
    expect(ironAndSteel?.classes.map((c) => c.code)).toEqual([
      '2c1',
      '2c2',
      '2c3',
      '2c4',
      '2c5',
      '2c6',
      '2c7',
      '2c8',
      '2c9',
      '2c10',
      '2c11',
    ]);
  });

  it('has per group as many classes as classes.csv', () => {
    expect(Object.fromEntries(tree.groups.map((g) => [g.code, g.categories.flatMap((c) => c.classes).length]))).toEqual({
      '1': 24,
      '2': 51,
      '3': 19,
      '4': 16,
      '5': 8,
      '6': 10,
      '7': 7,
      '8': 13,
      '9': 4,
      '10': 0,
    });
  });

  it('shows categories without classes with their remark', () => {
    const hotSpots = tree.groups[9];
    expect(hotSpots.categories).toHaveLength(13);
    expect(
      hotSpots.categories.every((c) => c.classes.length === 0 && c.remark?.description === '(no classes; no emission factors)'),
    ).toBe(true);
  });

  it('lists a class with its factors, PCDD/PCDF first, vectors in print order', () => {
    const shredders = tree.groups[1].categories.find((c) => c.code === '2k')?.classes[0];
    expect(shredders?.factors.map((f) => `${f.substance} ${f.vector}`)).toEqual([
      'PCDD/PCDF air',
      'PCDD/PCDF water',
      'PCDD/PCDF land',
      'PCDD/PCDF product',
      'PCDD/PCDF residue',
      'PCB air',
      'PCB water',
      'PCB land',
      'PCB product',
      'PCB residue',
    ]);
  });

  it('counts factors by kind, and numbers by confidence', () => {
    expect(tree.counts).toEqual({
      total: 875,
      byKind: { value: 206, range: 2, ND: 51, NA: 616 },
      byConfidence: { verified: 34, inferred: 9, unverified: 165 },
    });
    const incineration = tree.groups[0].counts;
    expect(incineration.byKind.value + incineration.byKind.range).toBe(
      incineration.byConfidence.verified + incineration.byConfidence.inferred + incineration.byConfidence.unverified,
    );
    expect(tree.groups[9].counts.total).toBe(0);
  });

  it('reports the edition it was built from', () => {
    const state = replay(published(smallDraft()));
    expect(buildEditionTree(state.editions.e1).edition).toMatchObject({ id: 'e1', status: 'published' });
  });
});

describe('countFactors', () => {
  it('does not count ND and NA cells as numbers of any confidence', () => {
    const edition = replay(smallDraft()).editions.e1;
    const factors = Object.values(edition.factors);
    expect(countFactors([...factors, { ...factors[0], vector: 'water', value: { kind: 'ND' } }])).toEqual({
      total: 2,
      byKind: { value: 1, range: 0, ND: 1, NA: 0 },
      byConfidence: { verified: 0, inferred: 0, unverified: 1 },
    });
  });
});

describe('compareCodes', () => {
  it('orders codes as the Toolkit lists them', () => {
    expect(['10a', '2c10', '2c2', '9e', '1a'].sort(compareCodes)).toEqual(['1a', '2c2', '2c10', '9e', '10a']);
  });
});

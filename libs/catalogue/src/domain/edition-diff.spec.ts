import { LATER, importedShipped } from '../testing/catalogue.fixtures';
import type { CatalogueCommand } from './catalogue.commands';
import type { CatalogueState } from './catalogue.state';
import { decide } from './decide';
import { diffEditions, isEmptyDiff } from './edition-diff';
import { replay } from './evolve';

/** Runs commands in order, failing the test on the first refusal. */
function run(state: CatalogueState, ...commands: CatalogueCommand[]): CatalogueState {
  return commands.reduce((current, command) => {
    const decision = decide(command, current, LATER);
    if (!decision.ok) throw decision.error;
    return replay(decision.events, current);
  }, state);
}

describe('diffEditions', () => {
  const base = run(importedShipped('2013').state, { type: 'PublishEdition', editionId: '2013' });
  const draft = run(base, { type: 'DraftEdition', editionId: '2013-rev1', title: 'Toolkit 2013, checked', derivedFrom: '2013' });

  it('finds nothing between an edition and a fresh draft derived from it', () => {
    expect(isEmptyDiff(diffEditions(draft.editions['2013'], draft.editions['2013-rev1']))).toBe(true);
  });

  it('lists added, removed and changed classes and factors', () => {
    const before = draft.editions['2013-rev1'];
    const air2l1 = before.factors['2l1|PCDD/PCDF|air'];
    const changed = run(
      draft,
      // An expert checks 2l1 against the printed table: the pairing was inverted.
      {
        type: 'SetEmissionFactor',
        editionId: '2013-rev1',
        factor: {
          ...air2l1,
          value: { kind: 'value', value: 100 },
          reference: 'Toolkit 2013 Table II.2.x (checked)',
          confidence: 'verified',
        },
        reason: 'class 1/2 pairing was inverted in Annex 27',
      },
      {
        type: 'WithdrawEmissionFactor',
        editionId: '2013-rev1',
        classCode: '3b2',
        substance: 'PCDD/PCDF',
        vector: 'air',
        reason: 'conflicting values (50 vs 350), pending expert decision',
        reference: 'Annex 31',
      },
      {
        type: 'AddSourceClass',
        editionId: '2013-rev1',
        sourceClass: { ...before.classes['2j2'], code: '2j3', name: 'A new class' },
      },
    );
    const diff = diffEditions(changed.editions['2013'], changed.editions['2013-rev1']);
    expect(diff.from).toBe('2013');
    expect(diff.to).toBe('2013-rev1');
    expect(diff.classes).toEqual({ added: [changed.editions['2013-rev1'].classes['2j3']], removed: [], changed: [] });
    expect(diff.factors.added).toEqual([]);
    expect(diff.factors.removed).toEqual([before.factors['3b2|PCDD/PCDF|air']]);
    expect(diff.factors.changed).toEqual([
      {
        key: '2l1|PCDD/PCDF|air',
        before: air2l1,
        after: expect.objectContaining({ value: { kind: 'value', value: 100 } }),
        fields: ['reference', 'value'],
      },
    ]);
    expect(diff.categories).toEqual({ added: [], removed: [], changed: [] });
  });

  it('sees a changed confidence as a change', () => {
    const factor = draft.editions['2013-rev1'].factors['1a1|PCDD/PCDF|air'];
    const changed = run(draft, {
      type: 'SetEmissionFactor',
      editionId: '2013-rev1',
      factor: { ...factor, confidence: 'verified', reference: 'Toolkit 2013 PDF' },
      reason: 'checked against the PDF',
    });
    expect(diffEditions(changed.editions['2013'], changed.editions['2013-rev1']).factors.changed.map((c) => c.fields)).toEqual([
      ['confidence', 'reference'],
    ]);
  });

  it('diffs two editions imported independently', () => {
    const other = importedShipped('again').state.editions.again;
    expect(isEmptyDiff(diffEditions(base.editions['2013'], other))).toBe(true);
  });
});

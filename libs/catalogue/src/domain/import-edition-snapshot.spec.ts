import { NOW, importedShipped, smallDraft } from '../testing/catalogue.fixtures';
import { shippedCatalogue } from '../shipped-data';
import type { CatalogueSnapshot } from './catalogue.types';
import { CatalogueErrorCode } from './catalogue.errors';
import { initialCatalogueState } from './catalogue.state';
import { decide } from './decide';
import { replay } from './evolve';

const snapshot = shippedCatalogue().snapshot;

function importing(snap: CatalogueSnapshot, state = initialCatalogueState, reason = 'initial import of the shipped data') {
  return decide(
    { type: 'ImportEditionSnapshot', editionId: 'toolkit-2013', title: 'Toolkit 2013 (transcription)', snapshot: snap, reason },
    state,
    NOW,
  );
}

describe('ImportEditionSnapshot', () => {
  it('turns the shipped data into one draft edition: drafted, substances, categories, classes, factors', () => {
    const { events } = importedShipped();
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(events[0]).toEqual({
      type: 'EditionDrafted',
      data: { editionId: 'toolkit-2013', title: 'Toolkit 2013 (transcription)', derivedFrom: null, draftedAt: NOW.toISOString() },
      schemaVersion: 1,
    });
    expect([
      count('SubstanceAdded'),
      count('SourceCategoryAdded'),
      count('SourceClassAdded'),
      count('EmissionFactorSet'),
    ]).toEqual([5, 68, 152, 875]);
    expect(events).toHaveLength(1 + 5 + 68 + 152 + 875);
    expect(events.every((e) => e.type !== 'EmissionFactorSet' || e.data.reason === 'initial import of the shipped data')).toBe(
      true,
    );
  });

  it('replays into an edition holding exactly the snapshot', () => {
    const edition = importedShipped().state.editions['toolkit-2013'];
    expect(edition.edition.status).toBe('draft');
    expect(Object.values(edition.classes)).toEqual(snapshot.classes);
    expect(Object.values(edition.factors)).toEqual(snapshot.factors);
    expect(Object.values(edition.substances)).toEqual(snapshot.substances);
    expect(Object.keys(edition.categories)).toEqual(snapshot.categories.map((c) => c.code));
  });

  it('refuses an edition id that exists', () => {
    const decision = importing(snapshot, replay(smallDraft('toolkit-2013')));
    expect(!decision.ok && [decision.error.code, decision.error.field]).toEqual([CatalogueErrorCode.EDITION_EXISTS, 'editionId']);
  });

  it('refuses an import without a reason', () => {
    const decision = importing(snapshot, initialCatalogueState, '');
    expect(!decision.ok && [decision.error.code, decision.error.field]).toEqual([CatalogueErrorCode.REASON_REQUIRED, 'reason']);
  });

  it('refuses the whole import for one bad factor, naming it within the snapshot', () => {
    const factors = snapshot.factors.map((f, i) => (i === 3 ? { ...f, value: { kind: 'value' as const, value: -1 } } : f));
    const decision = importing({ ...snapshot, factors });
    expect(decision.ok).toBe(false);
    expect(!decision.ok && [decision.error.code, decision.error.field]).toEqual([
      CatalogueErrorCode.INVALID_FACTOR,
      'snapshot.factors[3].value',
    ]);
  });

  it('refuses a factor for a class the snapshot does not have', () => {
    const factors = [...snapshot.factors, { ...snapshot.factors[0], classCode: '1a9' }];
    const decision = importing({ ...snapshot, factors });
    expect(!decision.ok && [decision.error.code, decision.error.field]).toEqual([
      CatalogueErrorCode.CLASS_NOT_FOUND,
      `snapshot.factors[${factors.length - 1}].classCode`,
    ]);
  });

  it('refuses two values for one cell', () => {
    const factors = [...snapshot.factors, { ...snapshot.factors[0], value: { kind: 'ND' as const } }];
    const decision = importing({ ...snapshot, factors });
    expect(!decision.ok && [decision.error.code, decision.error.field]).toEqual([
      CatalogueErrorCode.INVALID_FACTOR,
      `snapshot.factors[${factors.length - 1}]`,
    ]);
  });

  it('refuses a category whose group is missing, and a group named twice differently', () => {
    const noGroup = importing({ ...snapshot, groups: snapshot.groups.filter((g) => g.code !== '10') });
    expect(!noGroup.ok && noGroup.error.field).toBe('snapshot.categories[55].groupCode');
    const renamed = importing({ ...snapshot, groups: [...snapshot.groups, { code: '1', name: 'Incineration' }] });
    expect(!renamed.ok && [renamed.error.code, renamed.error.field]).toEqual([
      CatalogueErrorCode.INVALID_INPUT,
      'snapshot.groups[10].code',
    ]);
  });
});

import { NOW, factor, published, smallDraft } from '../testing/catalogue.fixtures';
import type { CatalogueEvent } from './catalogue.events';
import { factorOf } from './catalogue.state';
import { evolve, replay } from './evolve';

describe('evolve', () => {
  it('builds a draft edition from its events', () => {
    const e1 = replay(smallDraft()).editions.e1;
    expect(e1.edition).toEqual({
      id: 'e1',
      title: 'Toolkit 2013',
      status: 'draft',
      draftedAt: NOW.toISOString(),
      derivedFrom: null,
    });
    expect(factorOf(e1, '1a1', 'PCDD/PCDF', 'air')).toEqual(factor());
    expect(factorOf(e1, '1a1', 'PCDD/PCDF', 'water')).toBeUndefined();
  });

  it('publishes, keeping the draft time', () => {
    expect(replay(published(smallDraft())).editions.e1.edition).toEqual({
      id: 'e1',
      title: 'Toolkit 2013',
      status: 'published',
      draftedAt: NOW.toISOString(),
      derivedFrom: null,
      publishedAt: NOW.toISOString(),
    });
  });

  it('removes a withdrawn factor', () => {
    const withdrawn: CatalogueEvent = {
      type: 'EmissionFactorWithdrawn',
      data: { editionId: 'e1', classCode: '1a1', substance: 'PCDD/PCDF', vector: 'air', reason: 'r', reference: 'ref' },
      schemaVersion: 1,
    };
    expect(replay([...smallDraft(), withdrawn]).editions.e1.factors).toEqual({});
  });

  it('never changes the state it is given', () => {
    const before = replay(smallDraft());
    const snapshot = JSON.stringify(before);
    evolve(before, {
      type: 'EmissionFactorSet',
      data: { editionId: 'e1', factor: factor({ vector: 'land' }), reason: 'r' },
      schemaVersion: 1,
    });
    evolve(before, { type: 'EditionPublished', data: { editionId: 'e1', publishedAt: NOW.toISOString() }, schemaVersion: 1 });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('ignores an event for an edition the stream never drafted', () => {
    const state = replay(smallDraft());
    expect(
      evolve(state, { type: 'EditionPublished', data: { editionId: 'ghost', publishedAt: NOW.toISOString() }, schemaVersion: 1 }),
    ).toBe(state);
  });
});

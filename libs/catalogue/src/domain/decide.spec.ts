import {
  LATER,
  NOW,
  factor,
  msw,
  pcdd,
  published,
  smallDraft,
  sourceClass,
  wasteIncineration,
} from '../testing/catalogue.fixtures';
import type { CatalogueCommand } from './catalogue.commands';
import { CatalogueErrorCode } from './catalogue.errors';
import type { CatalogueEvent } from './catalogue.events';
import { decide } from './decide';
import { replay } from './evolve';

/** given(events).when(command) -> then the events, or the refusal (code and offending field). */
function given(...history: CatalogueEvent[][]) {
  const state = replay(history.flat());
  return {
    when: (command: CatalogueCommand, now = LATER) => {
      const decision = decide(command, state, now);
      return {
        thenEvents: (...events: CatalogueEvent[]) => expect(decision).toEqual({ ok: true, events }),
        thenRefused: (code: CatalogueErrorCode, field: string) => {
          expect(decision.ok).toBe(false);
          if (!decision.ok) expect({ code: decision.error.code, field: decision.error.field }).toEqual({ code, field });
        },
      };
    },
  };
}

const edition = (editionId: string, derivedFrom: string | null = null): CatalogueEvent => ({
  type: 'EditionDrafted',
  data: { editionId, title: 'Toolkit 2013', derivedFrom, draftedAt: LATER.toISOString() },
  schemaVersion: 1,
});

describe('DraftEdition', () => {
  it('drafts an empty edition for the initial import', () => {
    given().when({ type: 'DraftEdition', editionId: 'e1', title: ' Toolkit 2013 ', derivedFrom: null }).thenEvents(edition('e1'));
  });

  it('drafts an edition derived from a published one', () => {
    given(published(smallDraft()))
      .when({ type: 'DraftEdition', editionId: 'e2', title: 'Toolkit 2013', derivedFrom: 'e1' })
      .thenEvents(edition('e2', 'e1'));
  });

  it('refuses an id that exists', () => {
    given(smallDraft())
      .when({ type: 'DraftEdition', editionId: 'e1', title: 'again', derivedFrom: null })
      .thenRefused(CatalogueErrorCode.EDITION_EXISTS, 'editionId');
  });

  it('refuses a blank id or title', () => {
    given()
      .when({ type: 'DraftEdition', editionId: ' ', title: 'x', derivedFrom: null })
      .thenRefused(CatalogueErrorCode.INVALID_INPUT, 'editionId');
    given()
      .when({ type: 'DraftEdition', editionId: 'e1', title: '', derivedFrom: null })
      .thenRefused(CatalogueErrorCode.INVALID_INPUT, 'title');
  });

  it('refuses to derive from an edition that does not exist', () => {
    given()
      .when({ type: 'DraftEdition', editionId: 'e2', title: 'x', derivedFrom: 'nope' })
      .thenRefused(CatalogueErrorCode.EDITION_NOT_FOUND, 'derivedFrom');
  });

  it('refuses to derive from a draft', () => {
    given(smallDraft())
      .when({ type: 'DraftEdition', editionId: 'e2', title: 'x', derivedFrom: 'e1' })
      .thenRefused(CatalogueErrorCode.EDITION_NOT_PUBLISHED, 'derivedFrom');
  });
});

describe('AddSourceCategory', () => {
  const hazardous = { code: '1b', groupCode: '1', name: 'Hazardous waste incineration' };

  it('adds a category with its group', () => {
    given(smallDraft())
      .when({ type: 'AddSourceCategory', editionId: 'e1', group: wasteIncineration, category: hazardous })
      .thenEvents({
        type: 'SourceCategoryAdded',
        data: { editionId: 'e1', group: wasteIncineration, category: hazardous },
        schemaVersion: 1,
      });
  });

  it('refuses a category that is already there', () => {
    given(smallDraft())
      .when({ type: 'AddSourceCategory', editionId: 'e1', group: wasteIncineration, category: msw })
      .thenRefused(CatalogueErrorCode.CATEGORY_EXISTS, 'category.code');
  });

  it('refuses another name for a known group', () => {
    given(smallDraft())
      .when({ type: 'AddSourceCategory', editionId: 'e1', group: { code: '1', name: 'Incineration' }, category: hazardous })
      .thenRefused(CatalogueErrorCode.GROUP_CONFLICT, 'group.name');
  });

  it('refuses a category code outside its group', () => {
    given(smallDraft())
      .when({ type: 'AddSourceCategory', editionId: 'e1', group: wasteIncineration, category: { ...hazardous, code: '2b' } })
      .thenRefused(CatalogueErrorCode.INVALID_INPUT, 'category.code');
    given(smallDraft())
      .when({ type: 'AddSourceCategory', editionId: 'e1', group: wasteIncineration, category: { ...hazardous, groupCode: '2' } })
      .thenRefused(CatalogueErrorCode.INVALID_INPUT, 'category.groupCode');
  });

  it('refuses an edition that does not exist', () => {
    given()
      .when({ type: 'AddSourceCategory', editionId: 'e9', group: wasteIncineration, category: hazardous })
      .thenRefused(CatalogueErrorCode.EDITION_NOT_FOUND, 'editionId');
  });
});

describe('AddSourceClass', () => {
  it('adds a class to a category of the edition', () => {
    given(smallDraft())
      .when({ type: 'AddSourceClass', editionId: 'e1', sourceClass: sourceClass('1a2') })
      .thenEvents({ type: 'SourceClassAdded', data: { editionId: 'e1', sourceClass: sourceClass('1a2') }, schemaVersion: 1 });
  });

  it('refuses a class whose category is not in the edition', () => {
    given(smallDraft())
      .when({ type: 'AddSourceClass', editionId: 'e1', sourceClass: sourceClass('1b1', { categoryCode: '1b' }) })
      .thenRefused(CatalogueErrorCode.CATEGORY_NOT_FOUND, 'sourceClass.categoryCode');
  });

  it('refuses a class that is already there', () => {
    given(smallDraft())
      .when({ type: 'AddSourceClass', editionId: 'e1', sourceClass: sourceClass('1a1') })
      .thenRefused(CatalogueErrorCode.CLASS_EXISTS, 'sourceClass.code');
  });

  it('refuses a code that is not a class of its category, and missing name, unit or reference', () => {
    const when = (overrides: Parameters<typeof sourceClass>[1], code = '1a2') =>
      given(smallDraft()).when({ type: 'AddSourceClass', editionId: 'e1', sourceClass: sourceClass(code, overrides) });
    when({}, '1b2').thenRefused(CatalogueErrorCode.INVALID_INPUT, 'sourceClass.code');
    when({}, '1a').thenRefused(CatalogueErrorCode.INVALID_INPUT, 'sourceClass.code');
    when({ name: '' }).thenRefused(CatalogueErrorCode.INVALID_INPUT, 'sourceClass.name');
    when({ activityUnit: ' ' }).thenRefused(CatalogueErrorCode.INVALID_INPUT, 'sourceClass.activityUnit');
    when({ reference: '' }).thenRefused(CatalogueErrorCode.REFERENCE_REQUIRED, 'sourceClass.reference');
  });
});

describe('AddSubstance', () => {
  const hcb = { code: 'HCB', name: 'Hexachlorobenzene', basis: 'mass' } as const;

  it('adds a substance', () => {
    given(smallDraft())
      .when({ type: 'AddSubstance', editionId: 'e1', substance: hcb })
      .thenEvents({ type: 'SubstanceAdded', data: { editionId: 'e1', substance: hcb }, schemaVersion: 1 });
  });

  it('refuses a substance that is already there', () => {
    given(smallDraft())
      .when({ type: 'AddSubstance', editionId: 'e1', substance: pcdd })
      .thenRefused(CatalogueErrorCode.SUBSTANCE_EXISTS, 'substance.code');
  });

  it('refuses a basis other than TEQ or mass', () => {
    given(smallDraft())
      .when({ type: 'AddSubstance', editionId: 'e1', substance: { ...hcb, basis: 'ppm' as 'mass' } })
      .thenRefused(CatalogueErrorCode.INVALID_INPUT, 'substance.basis');
  });
});

describe('SetEmissionFactor', () => {
  const set = (overrides: Parameters<typeof factor>[0] = {}, reason = 'verified against Table II.1.1'): CatalogueCommand => ({
    type: 'SetEmissionFactor',
    editionId: 'e1',
    factor: factor(overrides),
    reason,
  });

  it('replaces a factor, carrying reason and reference', () => {
    const verified = {
      value: { kind: 'value', value: 3000 },
      confidence: 'verified',
      reference: 'Toolkit 2013 PDF p. 57',
    } as const;
    given(smallDraft())
      .when(set(verified))
      .thenEvents({
        type: 'EmissionFactorSet',
        data: { editionId: 'e1', factor: factor(verified), reason: 'verified against Table II.1.1' },
        schemaVersion: 1,
      });
  });

  it('sets ND as a statement of its own: no number, no unit needed', () => {
    given(smallDraft())
      .when(set({ vector: 'water', value: { kind: 'ND' }, unit: '' }))
      .thenEvents({
        type: 'EmissionFactorSet',
        data: {
          editionId: 'e1',
          factor: factor({ vector: 'water', value: { kind: 'ND' }, unit: '' }),
          reason: 'verified against Table II.1.1',
        },
        schemaVersion: 1,
      });
  });

  it('appends nothing when the factor is already as given', () => {
    given(smallDraft()).when(set()).thenEvents();
  });

  it('refuses a change without reason or reference', () => {
    given(smallDraft()).when(set({}, ' ')).thenRefused(CatalogueErrorCode.REASON_REQUIRED, 'reason');
    given(smallDraft())
      .when(set({ reference: '' }))
      .thenRefused(CatalogueErrorCode.REFERENCE_REQUIRED, 'factor.reference');
  });

  it('refuses an unknown class or substance', () => {
    given(smallDraft())
      .when(set({ classCode: '1a9' }))
      .thenRefused(CatalogueErrorCode.CLASS_NOT_FOUND, 'factor.classCode');
    given(smallDraft())
      .when(set({ substance: 'HCB' }))
      .thenRefused(CatalogueErrorCode.SUBSTANCE_NOT_FOUND, 'factor.substance');
  });

  it('refuses invalid values: negative, not a number, a range going down, a number without unit', () => {
    given(smallDraft())
      .when(set({ value: { kind: 'value', value: -3 } }))
      .thenRefused(CatalogueErrorCode.INVALID_FACTOR, 'factor.value');
    given(smallDraft())
      .when(set({ value: { kind: 'value', value: Number.NaN } }))
      .thenRefused(CatalogueErrorCode.INVALID_FACTOR, 'factor.value');
    given(smallDraft())
      .when(set({ value: { kind: 'range', low: 28, high: 12 } }))
      .thenRefused(CatalogueErrorCode.INVALID_FACTOR, 'factor.value');
    given(smallDraft())
      .when(set({ unit: '' }))
      .thenRefused(CatalogueErrorCode.INVALID_FACTOR, 'factor.unit');
    given(smallDraft())
      .when(set({ vector: 'soil' as 'land' }))
      .thenRefused(CatalogueErrorCode.INVALID_FACTOR, 'factor.vector');
    given(smallDraft())
      .when(set({ confidence: 'official' as 'verified' }))
      .thenRefused(CatalogueErrorCode.INVALID_FACTOR, 'factor.confidence');
  });
});

describe('WithdrawEmissionFactor', () => {
  const withdraw = (
    overrides: Partial<Extract<CatalogueCommand, { type: 'WithdrawEmissionFactor' }>> = {},
  ): CatalogueCommand => ({
    type: 'WithdrawEmissionFactor',
    editionId: 'e1',
    classCode: '1a1',
    substance: 'PCDD/PCDF',
    vector: 'air',
    reason: 'value could not be traced to the Toolkit',
    reference: 'expert meeting 2025, minutes item 4',
    ...overrides,
  });

  it('withdraws a factor, with reason and reference', () => {
    given(smallDraft())
      .when(withdraw())
      .thenEvents({
        type: 'EmissionFactorWithdrawn',
        data: {
          editionId: 'e1',
          classCode: '1a1',
          substance: 'PCDD/PCDF',
          vector: 'air',
          reason: 'value could not be traced to the Toolkit',
          reference: 'expert meeting 2025, minutes item 4',
        },
        schemaVersion: 1,
      });
  });

  it('refuses a cell without factor', () => {
    given(smallDraft())
      .when(withdraw({ vector: 'residue' }))
      .thenRefused(CatalogueErrorCode.FACTOR_NOT_FOUND, 'vector');
  });

  it('refuses without reason or reference, and for unknown class or substance', () => {
    given(smallDraft())
      .when(withdraw({ reason: '' }))
      .thenRefused(CatalogueErrorCode.REASON_REQUIRED, 'reason');
    given(smallDraft())
      .when(withdraw({ reference: '' }))
      .thenRefused(CatalogueErrorCode.REFERENCE_REQUIRED, 'reference');
    given(smallDraft())
      .when(withdraw({ classCode: '9z9' }))
      .thenRefused(CatalogueErrorCode.CLASS_NOT_FOUND, 'classCode');
    given(smallDraft())
      .when(withdraw({ substance: 'HCB' }))
      .thenRefused(CatalogueErrorCode.SUBSTANCE_NOT_FOUND, 'substance');
  });
});

describe('PublishEdition', () => {
  it('publishes a draft at the given time', () => {
    given(smallDraft())
      .when({ type: 'PublishEdition', editionId: 'e1' })
      .thenEvents({ type: 'EditionPublished', data: { editionId: 'e1', publishedAt: LATER.toISOString() }, schemaVersion: 1 });
  });

  it('refuses an edition that does not exist, or is published already', () => {
    given().when({ type: 'PublishEdition', editionId: 'e1' }).thenRefused(CatalogueErrorCode.EDITION_NOT_FOUND, 'editionId');
    given(published(smallDraft()))
      .when({ type: 'PublishEdition', editionId: 'e1' })
      .thenRefused(CatalogueErrorCode.EDITION_PUBLISHED, 'editionId');
  });

  it('refuses an edition without factors', () => {
    given([edition('e1')])
      .when({ type: 'PublishEdition', editionId: 'e1' })
      .thenRefused(CatalogueErrorCode.EDITION_EMPTY, 'editionId');
  });
});

describe('a published edition', () => {
  const changes: CatalogueCommand[] = [
    {
      type: 'AddSourceCategory',
      editionId: 'e1',
      group: wasteIncineration,
      category: { code: '1b', groupCode: '1', name: 'Hazardous waste incineration' },
    },
    { type: 'AddSourceClass', editionId: 'e1', sourceClass: sourceClass('1a2') },
    { type: 'AddSubstance', editionId: 'e1', substance: { code: 'HCB', name: 'Hexachlorobenzene', basis: 'mass' } },
    { type: 'SetEmissionFactor', editionId: 'e1', factor: factor({ value: { kind: 'value', value: 1 } }), reason: 'correction' },
    {
      type: 'WithdrawEmissionFactor',
      editionId: 'e1',
      classCode: '1a1',
      substance: 'PCDD/PCDF',
      vector: 'air',
      reason: 'x',
      reference: 'y',
    },
  ];

  it.each(changes.map((c) => [c.type, c]))('refuses %s', (_type, command) => {
    given(published(smallDraft())).when(command).thenRefused(CatalogueErrorCode.EDITION_PUBLISHED, 'editionId');
  });

  it('stays as it was when a draft derived from it changes', () => {
    const derived = [
      edition('e2', 'e1'),
      {
        type: 'EmissionFactorSet',
        data: { editionId: 'e2', factor: factor({ value: { kind: 'value', value: 1 } }), reason: 'r' },
        schemaVersion: 1,
      } as const,
    ];
    const state = replay([...published(smallDraft()), ...derived]);
    expect(state.editions.e1.factors['1a1|PCDD/PCDF|air'].value).toEqual({ kind: 'value', value: 3500 });
    expect(state.editions.e2.factors['1a1|PCDD/PCDF|air'].value).toEqual({ kind: 'value', value: 1 });
    expect(state.editions.e2.classes).toEqual(state.editions.e1.classes);
  });
});

describe('time and ids come from outside', () => {
  it('stamps events with the given now', () => {
    const decision = decide({ type: 'DraftEdition', editionId: 'e1', title: 't', derivedFrom: null }, replay([]), NOW);
    expect(decision.ok && decision.events[0].data).toMatchObject({ draftedAt: '2025-03-01T09:00:00.000Z' });
  });
});

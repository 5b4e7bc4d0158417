import { INVENTORY_ID, NOW, context, line, opened, recorded } from '../testing/inventory.fixtures';
import { decide } from './decide';
import type { InventoryCommand } from './inventory.commands';
import { InventoryErrorCode, isLineConflict, isOverrideConflict } from './inventory.errors';
import { inventoryEvent, type InventoryEvent } from './inventory.events';
import { replay } from './inventory.state';

/** given(events).when(command) -> then the events, or the refusal (code and offending field). */
function given(...history: InventoryEvent[]) {
  const state = replay(history);
  return {
    when: (command: InventoryCommand) => {
      const decision = decide(command, state, context);
      return {
        decision,
        then: (...events: InventoryEvent[]) => expect(decision).toEqual({ ok: true, events }),
        thenRefused: (code: InventoryErrorCode, field: string) => {
          expect(decision.ok).toBe(false);
          if (!decision.ok) expect({ code: decision.error.code, field: decision.error.field }).toEqual({ code, field });
          return decision.ok ? undefined : decision.error;
        },
      };
    },
  };
}

const id = INVENTORY_ID;
const open: InventoryCommand = {
  type: 'OpenInventory',
  inventoryId: id,
  party: 'KEN',
  referenceYear: 2024,
  editionId: 'toolkit-2013',
  tefScheme: 'WHO-2005',
};
const record: InventoryCommand = {
  type: 'RecordActivity',
  lineId: 'l1',
  classCode: '1a1',
  activityRate: 1000,
  unit: 't of waste burned',
  dataSource: 'National statistics 2024',
};
const revised = (lineId: string, revision: number, changes: object, previous: object, classCode = '1a1', facilityName: string | null = null): InventoryEvent =>
  inventoryEvent('ActivityRevised', { inventoryId: id, lineId, classCode, facilityName, revision, changes, previous });
const factor = {
  substance: 'PCDD/PCDF',
  vector: 'air' as const,
  value: { kind: 'value' as const, value: 350 },
  unit: 'µg TEQ/t',
  justification: 'Stack measurements 2023 at both plants',
  reference: 'NEMA report 2023/17',
};
const lineOverride = (overrideId: string, lineId: string, lineRevision: number, replacedOverrideId: string | null = null): InventoryEvent =>
  inventoryEvent('EmissionFactorOverridden', {
    inventoryId: id,
    override: { overrideId, scope: { kind: 'line', lineId }, ...factor },
    classCode: '1a1',
    replacedOverrideId,
    lineRevision,
  });
const classOverride = (overrideId: string, replacedOverrideId: string | null = null): InventoryEvent =>
  inventoryEvent('EmissionFactorOverridden', {
    inventoryId: id,
    override: { overrideId, scope: { kind: 'class', classCode: '1a1' }, ...factor },
    classCode: '1a1',
    replacedOverrideId,
    lineRevision: null,
  });
const submitted = inventoryEvent('InventorySubmitted', { inventoryId: id, submissionId: 's1', submittedAt: NOW.toISOString() });

describe('OpenInventory', () => {
  it('opens an inventory for a Party, a year, a published edition and a TEF scheme', () => {
    given().when(open).then(opened);
    given().when({ ...open, party: ' ken ' }).then(opened);
  });

  it('refuses a second opening of the same stream', () => {
    given(opened).when(open).thenRefused(InventoryErrorCode.INVENTORY_EXISTS, 'inventoryId');
  });

  it('refuses a year outside 1990..2100, an unpublished edition, an unknown TEF scheme, a blank Party', () => {
    given().when({ ...open, referenceYear: 1989 }).thenRefused(InventoryErrorCode.INVALID_INPUT, 'referenceYear');
    given().when({ ...open, referenceYear: 2101 }).thenRefused(InventoryErrorCode.INVALID_INPUT, 'referenceYear');
    given().when({ ...open, referenceYear: 2024.5 }).thenRefused(InventoryErrorCode.INVALID_INPUT, 'referenceYear');
    given().when({ ...open, editionId: 'draft-2026' }).thenRefused(InventoryErrorCode.EDITION_NOT_PUBLISHED, 'editionId');
    given().when({ ...open, editionId: 'nowhere' }).thenRefused(InventoryErrorCode.EDITION_NOT_PUBLISHED, 'editionId');
    given().when({ ...open, tefScheme: 'WHO-2099' }).thenRefused(InventoryErrorCode.TEF_SCHEME_NOT_FOUND, 'tefScheme');
    given().when({ ...open, party: ' ' }).thenRefused(InventoryErrorCode.INVALID_INPUT, 'party');
  });

  it('accepts the bounds of the year range', () => {
    expect(given().when({ ...open, referenceYear: 1990 }).decision.ok).toBe(true);
    expect(given().when({ ...open, referenceYear: 2100 }).decision.ok).toBe(true);
  });
});

describe('RecordActivity', () => {
  it('records a line at revision 1 with its category', () => {
    given(opened).when(record).then(recorded('l1'));
  });

  it('trims text and keeps a facility', () => {
    given(opened)
      .when({ ...record, facilityName: ' Dandora plant ', note: ' estimated ', unit: 'kt' })
      .then(recorded('l1', { facilityName: 'Dandora plant', note: 'estimated', unit: 'kt' }));
  });

  it('accepts 0 but refuses a negative, infinite or missing rate', () => {
    expect(given(opened).when({ ...record, activityRate: 0 }).decision.ok).toBe(true);
    given(opened).when({ ...record, activityRate: -1 }).thenRefused(InventoryErrorCode.INVALID_ACTIVITY, 'activityRate');
    given(opened).when({ ...record, activityRate: Infinity }).thenRefused(InventoryErrorCode.INVALID_ACTIVITY, 'activityRate');
    given(opened).when({ ...record, activityRate: NaN }).thenRefused(InventoryErrorCode.INVALID_ACTIVITY, 'activityRate');
    given(opened)
      .when({ ...record, activityRate: '12' as unknown as number })
      .thenRefused(InventoryErrorCode.INVALID_ACTIVITY, 'activityRate');
  });

  it('refuses an unknown class, or one of a category marked not occurring', () => {
    given(opened).when({ ...record, classCode: '9z9' }).thenRefused(InventoryErrorCode.CLASS_NOT_FOUND, 'classCode');
    const marked = inventoryEvent('CategoryMarkedNotOccurring', { inventoryId: id, categoryCode: '1a', note: 'No incinerators' });
    given(opened, marked).when(record).thenRefused(InventoryErrorCode.CATEGORY_NOT_OCCURRING, 'classCode');
  });

  it('refuses a unit that measures something else, or that cannot be read', () => {
    given(opened).when({ ...record, unit: 'TJ' }).thenRefused(InventoryErrorCode.UNIT_INCOMPATIBLE, 'unit');
    given(opened).when({ ...record, unit: 'bananas' }).thenRefused(InventoryErrorCode.UNIT_UNKNOWN, 'unit');
    given(opened).when({ ...record, unit: ' ' }).thenRefused(InventoryErrorCode.INVALID_ACTIVITY, 'unit');
  });

  it('lets the line say which unit when the class names alternatives', () => {
    expect(given(opened).when({ ...record, classCode: '6a1', unit: 'm3' }).decision.ok).toBe(true);
  });

  it('refuses an id in use or used before, and a second line for the same class and facility', () => {
    const removed = inventoryEvent('ActivityRemoved', {
      inventoryId: id,
      lineId: 'l1',
      classCode: '1a1',
      categoryCode: '1a',
      facilityName: null,
      revision: 1,
      withdrawnOverrideIds: [],
      reason: null,
    });
    given(opened, recorded('l1')).when(record).thenRefused(InventoryErrorCode.LINE_EXISTS, 'lineId');
    given(opened, recorded('l1'), removed).when(record).thenRefused(InventoryErrorCode.LINE_EXISTS, 'lineId');
    given(opened, recorded('l1')).when({ ...record, lineId: 'l2' }).thenRefused(InventoryErrorCode.LINE_DUPLICATE, 'facilityName');
    given(opened, recorded('l1', { facilityName: 'Dandora' }))
      .when({ ...record, lineId: 'l2', facilityName: 'dandora' })
      .thenRefused(InventoryErrorCode.LINE_DUPLICATE, 'facilityName');
    expect(given(opened, recorded('l1', { facilityName: 'Dandora' })).when({ ...record, lineId: 'l2', facilityName: 'Mombasa' }).decision.ok).toBe(true);
  });

  it('refuses before the inventory is opened and after it is submitted', () => {
    given().when(record).thenRefused(InventoryErrorCode.INVENTORY_NOT_FOUND, 'inventoryId');
    given(opened, submitted).when(record).thenRefused(InventoryErrorCode.INVENTORY_CLOSED, 'inventoryId');
  });
});

describe('ReviseActivity', () => {
  it('records the changed fields, their previous values and the next revision', () => {
    given(opened, recorded('l1'))
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { activityRate: 1200, note: 'corrected' } })
      .then(revised('l1', 2, { activityRate: 1200, note: 'corrected' }, { activityRate: 1000, note: '' }));
  });

  it('numbers revisions 1, 2, 3 ... per line, independently of other lines', () => {
    const history = [
      opened,
      recorded('l1'),
      recorded('l2', { classCode: '3b1', categoryCode: '3b', unit: 'TJ of fuel burned' }),
      revised('l1', 2, { activityRate: 1100 }, { activityRate: 1000 }),
      revised('l1', 3, { activityRate: 1200 }, { activityRate: 1100 }),
    ];
    const state = replay(history);
    if (state.status === 'absent') throw new Error('opened');
    expect(state.lines.l1.revision).toBe(3);
    expect(state.lines.l2.revision).toBe(1);
    given(...history)
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 3, changes: { activityRate: 1300 } })
      .then(revised('l1', 4, { activityRate: 1300 }, { activityRate: 1200 }));
  });

  it('refuses an edit based on an old revision of the same line, carrying the current line', () => {
    const history = [opened, recorded('l1'), revised('l1', 2, { activityRate: 1100 }, { activityRate: 1000 })];
    const error = given(...history)
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { activityRate: 900 } })
      .thenRefused(InventoryErrorCode.LINE_CONFLICT, 'basedOnRevision');
    expect(error && isLineConflict(error)).toBe(true);
    expect(error?.conflict).toEqual({
      lineId: 'l1',
      expectedRevision: 1,
      actualRevision: 2,
      currentLine: line('l1', { activityRate: 1100, revision: 2 }),
    });
  });

  it('does not conflict when another line changed meanwhile', () => {
    const history = [opened, recorded('l1'), recorded('l2', { facilityName: 'Mombasa' }), revised('l2', 2, { activityRate: 5 }, { activityRate: 1000 })];
    given(...history)
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { activityRate: 900 } })
      .then(revised('l1', 2, { activityRate: 900 }, { activityRate: 1000 }));
  });

  it('appends nothing when nothing changes', () => {
    given(opened, recorded('l1')).when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { activityRate: 1000, note: ' ' } }).then();
  });

  it('moves a line to another class with its category, checking the unit', () => {
    given(opened, recorded('l1'))
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { classCode: '1a2' } })
      .then(revised('l1', 2, { classCode: '1a2' }, { classCode: '1a1' }, '1a2'));
    given(opened, recorded('l1'))
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { classCode: '3b1', unit: 'TJ' } })
      .then(revised('l1', 2, { classCode: '3b1', unit: 'TJ', categoryCode: '3b' }, { classCode: '1a1', unit: 't of waste burned', categoryCode: '1a' }, '3b1'));
    given(opened, recorded('l1'))
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { classCode: '3b1' } })
      .thenRefused(InventoryErrorCode.UNIT_INCOMPATIBLE, 'changes.classCode');
    given(opened, recorded('l1'))
      .when({ type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { classCode: '0x0' } })
      .thenRefused(InventoryErrorCode.CLASS_NOT_FOUND, 'changes.classCode');
  });

  it('refuses invalid values, unknown fields, duplicates and missing lines', () => {
    const base = { type: 'ReviseActivity' as const, lineId: 'l1', basedOnRevision: 1 };
    given(opened, recorded('l1')).when({ ...base, changes: { activityRate: -3 } }).thenRefused(InventoryErrorCode.INVALID_ACTIVITY, 'changes.activityRate');
    given(opened, recorded('l1')).when({ ...base, changes: { unit: 'TJ' } }).thenRefused(InventoryErrorCode.UNIT_INCOMPATIBLE, 'changes.unit');
    given(opened, recorded('l1'))
      .when({ ...base, changes: { revision: 7 } as object })
      .thenRefused(InventoryErrorCode.INVALID_INPUT, 'changes.revision');
    given(opened, recorded('l1'), recorded('l2', { facilityName: 'Mombasa' }))
      .when({ ...base, changes: { facilityName: 'Mombasa' } })
      .thenRefused(InventoryErrorCode.LINE_DUPLICATE, 'facilityName');
    given(opened).when({ ...base, changes: { activityRate: 1 } }).thenRefused(InventoryErrorCode.LINE_NOT_FOUND, 'lineId');
    given(opened, recorded('l1'))
      .when({ ...base, basedOnRevision: 0, changes: { activityRate: 1 } })
      .thenRefused(InventoryErrorCode.INVALID_INPUT, 'basedOnRevision');
    given(opened, recorded('l1'), submitted).when({ ...base, changes: { activityRate: 1 } }).thenRefused(InventoryErrorCode.INVENTORY_CLOSED, 'inventoryId');
  });
});

describe('RemoveActivity', () => {
  it('removes a line with the overrides scoped to it', () => {
    given(opened, recorded('l1'), lineOverride('o1', 'l1', 2))
      .when({ type: 'RemoveActivity', lineId: 'l1', basedOnRevision: 2, reason: 'Plant closed in 2022' })
      .then(
        inventoryEvent('ActivityRemoved', {
          inventoryId: id,
          lineId: 'l1',
          classCode: '1a1',
          categoryCode: '1a',
          facilityName: null,
          revision: 2,
          withdrawnOverrideIds: ['o1'],
          reason: 'Plant closed in 2022',
        }),
      );
  });

  it('refuses a removal based on an old revision, or of a line that is gone', () => {
    given(opened, recorded('l1'), lineOverride('o1', 'l1', 2))
      .when({ type: 'RemoveActivity', lineId: 'l1', basedOnRevision: 1 })
      .thenRefused(InventoryErrorCode.LINE_CONFLICT, 'basedOnRevision');
    given(opened).when({ type: 'RemoveActivity', lineId: 'l1', basedOnRevision: 1 }).thenRefused(InventoryErrorCode.LINE_NOT_FOUND, 'lineId');
  });
});

describe('OverrideEmissionFactor', () => {
  const onLine: InventoryCommand = { type: 'OverrideEmissionFactor', overrideId: 'o1', scope: { kind: 'line', lineId: 'l1' }, basedOnRevision: 1, ...factor };
  const onClass: InventoryCommand = { type: 'OverrideEmissionFactor', overrideId: 'o1', scope: { kind: 'class', classCode: '1a1' }, ...factor };

  it('puts a line factor in force and raises the line revision', () => {
    given(opened, recorded('l1')).when(onLine).then(lineOverride('o1', 'l1', 2));
    const state = replay([opened, recorded('l1'), lineOverride('o1', 'l1', 2)]);
    expect(state.status !== 'absent' && state.lines.l1.revision).toBe(2);
  });

  it('replaces the factor in force for the same line, substance and vector', () => {
    given(opened, recorded('l1'), lineOverride('o1', 'l1', 2))
      .when({ ...onLine, overrideId: 'o2', basedOnRevision: 2 })
      .then(lineOverride('o2', 'l1', 3, 'o1'));
  });

  it('conflicts when the line changed since the client saw it', () => {
    given(opened, recorded('l1'), revised('l1', 2, { activityRate: 1 }, { activityRate: 1000 }))
      .when(onLine)
      .thenRefused(InventoryErrorCode.LINE_CONFLICT, 'basedOnRevision');
  });

  it('puts a class factor in force, and refuses to replace one the client did not see', () => {
    given(opened).when(onClass).then(classOverride('o1'));
    given(opened, classOverride('o1')).when({ ...onClass, overrideId: 'o2', replacesOverrideId: 'o1' }).then(classOverride('o2', 'o1'));
    const error = given(opened, classOverride('o1'))
      .when({ ...onClass, overrideId: 'o2' })
      .thenRefused(InventoryErrorCode.OVERRIDE_CONFLICT, 'replacesOverrideId');
    expect(error && isOverrideConflict(error) && error.conflict.currentOverride?.overrideId).toBe('o1');
    given(opened).when({ ...onClass, replacesOverrideId: 'o0' }).thenRefused(InventoryErrorCode.OVERRIDE_CONFLICT, 'replacesOverrideId');
  });

  it('requires a justification and a reference', () => {
    given(opened, recorded('l1')).when({ ...onLine, justification: ' ' }).thenRefused(InventoryErrorCode.JUSTIFICATION_REQUIRED, 'justification');
    given(opened, recorded('l1')).when({ ...onLine, reference: '' }).thenRefused(InventoryErrorCode.REFERENCE_REQUIRED, 'reference');
  });

  it('refuses a factor that is not a value, a range, NA or ND, or a number without unit', () => {
    const withValue = (value: unknown, unit = 'µg TEQ/t') => ({ ...onClass, value, unit }) as InventoryCommand;
    given(opened).when(withValue({ kind: 'value', value: -1 })).thenRefused(InventoryErrorCode.INVALID_FACTOR, 'value.value');
    given(opened).when(withValue({ kind: 'range', low: 5, high: 1 })).thenRefused(InventoryErrorCode.INVALID_FACTOR, 'value');
    given(opened).when(withValue({ kind: 'zero' })).thenRefused(InventoryErrorCode.INVALID_FACTOR, 'value.kind');
    given(opened).when(withValue({ kind: 'value', value: 3 }, '')).thenRefused(InventoryErrorCode.INVALID_FACTOR, 'unit');
    given(opened).when(withValue({ kind: 'value', value: 3 }, 'lots')).thenRefused(InventoryErrorCode.UNIT_UNKNOWN, 'unit');
    given(opened).when(withValue({ kind: 'value', value: 3 }, 'µg TEQ/TJ')).thenRefused(InventoryErrorCode.UNIT_INCOMPATIBLE, 'unit');
    expect(given(opened).when(withValue({ kind: 'value', value: 3 }, 'ng TEQ/kt')).decision.ok).toBe(true);
    expect(given(opened).when(withValue({ kind: 'NA' }, '')).decision.ok).toBe(true);
    expect(given(opened).when(withValue({ kind: 'range', low: 1, high: 4 })).decision.ok).toBe(true);
  });

  it('refuses an unknown line or class, a used id, a missing scope', () => {
    given(opened).when(onLine).thenRefused(InventoryErrorCode.LINE_NOT_FOUND, 'lineId');
    given(opened).when({ ...onClass, scope: { kind: 'class', classCode: '0x0' } }).thenRefused(InventoryErrorCode.CLASS_NOT_FOUND, 'scope.classCode');
    given(opened, classOverride('o1')).when({ ...onClass, replacesOverrideId: 'o1' }).thenRefused(InventoryErrorCode.OVERRIDE_EXISTS, 'overrideId');
    given(opened).when({ ...onClass, scope: undefined } as unknown as InventoryCommand).thenRefused(InventoryErrorCode.INVALID_INPUT, 'scope');
    given(opened, submitted).when(onClass).thenRefused(InventoryErrorCode.INVENTORY_CLOSED, 'inventoryId');
  });
});

describe('WithdrawOverride', () => {
  it('withdraws a line factor and raises the line revision', () => {
    given(opened, recorded('l1'), lineOverride('o1', 'l1', 2))
      .when({ type: 'WithdrawOverride', overrideId: 'o1', reason: 'Measurement withdrawn' })
      .then(
        inventoryEvent('EmissionFactorOverrideWithdrawn', {
          inventoryId: id,
          overrideId: 'o1',
          scope: { kind: 'line', lineId: 'l1' },
          classCode: '1a1',
          substance: 'PCDD/PCDF',
          vector: 'air',
          lineRevision: 3,
          reason: 'Measurement withdrawn',
        }),
      );
  });

  it('withdraws a class factor, and refuses one that is not in force', () => {
    given(opened, classOverride('o1'))
      .when({ type: 'WithdrawOverride', overrideId: 'o1' })
      .then(
        inventoryEvent('EmissionFactorOverrideWithdrawn', {
          inventoryId: id,
          overrideId: 'o1',
          scope: { kind: 'class', classCode: '1a1' },
          classCode: '1a1',
          substance: 'PCDD/PCDF',
          vector: 'air',
          lineRevision: null,
          reason: null,
        }),
      );
    given(opened, classOverride('o1'), classOverride('o2', 'o1'))
      .when({ type: 'WithdrawOverride', overrideId: 'o1' })
      .thenRefused(InventoryErrorCode.OVERRIDE_NOT_FOUND, 'overrideId');
  });
});

describe('MarkCategoryNotOccurring and UnmarkCategoryNotOccurring', () => {
  const mark: InventoryCommand = { type: 'MarkCategoryNotOccurring', categoryCode: '2a', note: 'No sinter plants in Kenya' };
  const marked = inventoryEvent('CategoryMarkedNotOccurring', { inventoryId: id, categoryCode: '2a', note: 'No sinter plants in Kenya' });

  it('marks a category with a note, once, and only without lines', () => {
    given(opened).when(mark).then(marked);
    given(opened).when({ ...mark, note: '  ' }).thenRefused(InventoryErrorCode.NOTE_REQUIRED, 'note');
    given(opened).when({ ...mark, categoryCode: '7q' }).thenRefused(InventoryErrorCode.CATEGORY_NOT_FOUND, 'categoryCode');
    given(opened, marked).when(mark).thenRefused(InventoryErrorCode.CATEGORY_ALREADY_MARKED, 'categoryCode');
    given(opened, recorded('l1', { classCode: '2a1', categoryCode: '2a', unit: 't of sinter produced' }))
      .when(mark)
      .thenRefused(InventoryErrorCode.CATEGORY_HAS_ACTIVITY, 'categoryCode');
  });

  it('unmarks a marked category', () => {
    given(opened, marked)
      .when({ type: 'UnmarkCategoryNotOccurring', categoryCode: '2a', reason: 'A plant opened' })
      .then(inventoryEvent('CategoryUnmarked', { inventoryId: id, categoryCode: '2a', reason: 'A plant opened' }));
    given(opened).when({ type: 'UnmarkCategoryNotOccurring', categoryCode: '2a' }).thenRefused(InventoryErrorCode.CATEGORY_NOT_MARKED, 'categoryCode');
  });
});

describe('SwitchEdition', () => {
  const toNew: InventoryCommand = { type: 'SwitchEdition', editionId: 'toolkit-2025', explanation: 'Updated factors for incineration' };

  it('records the old and the new edition with the explanation', () => {
    given(opened, recorded('l1'))
      .when(toNew)
      .then(
        inventoryEvent('EditionSwitched', {
          inventoryId: id,
          fromEditionId: 'toolkit-2013',
          toEditionId: 'toolkit-2025',
          explanation: 'Updated factors for incineration',
        }),
      );
  });

  it('requires an explanation, another published edition, and every class in use', () => {
    given(opened).when({ ...toNew, explanation: '' }).thenRefused(InventoryErrorCode.EXPLANATION_REQUIRED, 'explanation');
    given(opened).when({ ...toNew, editionId: 'toolkit-2013' }).thenRefused(InventoryErrorCode.EDITION_UNCHANGED, 'editionId');
    given(opened).when({ ...toNew, editionId: 'draft-2026' }).thenRefused(InventoryErrorCode.EDITION_NOT_PUBLISHED, 'editionId');
    given(opened, recorded('l1', { classCode: '2a1', categoryCode: '2a', unit: 't of sinter produced' }))
      .when(toNew)
      .thenRefused(InventoryErrorCode.EDITION_LACKS_CLASSES, 'editionId');
  });
});

describe('SubmitInventory and ReopenInventory', () => {
  it('freezes the inventory until it is reopened with a reason', () => {
    given(opened).when({ type: 'SubmitInventory', submissionId: 's1' }).then(submitted);
    given(opened, submitted).when({ type: 'SubmitInventory', submissionId: 's2' }).thenRefused(InventoryErrorCode.INVENTORY_CLOSED, 'inventoryId');
    given(opened, submitted)
      .when({ type: 'ReopenInventory', reason: 'Reviewer asked for 1a1 sources' })
      .then(inventoryEvent('InventoryReopened', { inventoryId: id, reason: 'Reviewer asked for 1a1 sources' }));
    given(opened, submitted).when({ type: 'ReopenInventory', reason: ' ' }).thenRefused(InventoryErrorCode.REASON_REQUIRED, 'reason');
    given(opened).when({ type: 'ReopenInventory', reason: 'x' }).thenRefused(InventoryErrorCode.INVENTORY_NOT_CLOSED, 'inventoryId');
    const reopened = inventoryEvent('InventoryReopened', { inventoryId: id, reason: 'x' });
    expect(given(opened, submitted, reopened).when(record).decision.ok).toBe(true);
  });
});

describe('every edit', () => {
  const edits: InventoryCommand[] = [
    record,
    { type: 'ReviseActivity', lineId: 'l1', basedOnRevision: 1, changes: { activityRate: 1 } },
    { type: 'RemoveActivity', lineId: 'l1', basedOnRevision: 1 },
    { type: 'OverrideEmissionFactor', overrideId: 'o9', scope: { kind: 'class', classCode: '1a1' }, ...factor },
    { type: 'WithdrawOverride', overrideId: 'o1' },
    { type: 'MarkCategoryNotOccurring', categoryCode: '2a', note: 'none' },
    { type: 'UnmarkCategoryNotOccurring', categoryCode: '2a' },
    { type: 'SwitchEdition', editionId: 'toolkit-2025', explanation: 'x' },
    { type: 'SubmitInventory', submissionId: 's2' },
  ];

  it.each(edits.map((command) => [command.type, command]))('%s needs an opened inventory, and a draft one', (_type, command) => {
    given().when(command).thenRefused(InventoryErrorCode.INVENTORY_NOT_FOUND, 'inventoryId');
    given(opened, recorded('l1'), classOverride('o1'), submitted).when(command).thenRefused(InventoryErrorCode.INVENTORY_CLOSED, 'inventoryId');
  });
});

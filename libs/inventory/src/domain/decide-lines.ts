import { accept, type Decision, refuse, textOrNull } from './decision';
import {
  requireActivityRate,
  requireClass,
  requireDraft,
  requireLineAt,
  requireOccurring,
  requireText,
  requireUniqueLine,
  requireUnit,
} from './guards';
import type { InventoryContext, RecordActivity, RemoveActivity, ReviseActivity } from './inventory.commands';
import { InventoryErrorCode } from './inventory.errors';
import { inventoryEvent, type ActivityRecorded, type ActivityRemoved, type ActivityRevised } from './inventory.events';
import type { InventoryState } from './inventory.state';
import type { ActivityLine, LineFields } from './inventory.types';

export function decideRecordActivity(command: RecordActivity, state: InventoryState, context: InventoryContext): Decision {
  const inventory = requireDraft(state);
  const lineId = requireText(command.lineId, InventoryErrorCode.INVALID_INPUT, 'lineId', 'Give the line an id');
  if (inventory.lines[lineId] || inventory.retiredLineIds[lineId]) {
    refuse(InventoryErrorCode.LINE_EXISTS, 'lineId', `Line ${lineId} exists or existed in this inventory`);
  }
  const activityRate = requireActivityRate(command.activityRate, 'activityRate');
  const known = requireClass(context.catalogue, inventory.editionId, command.classCode, 'classCode');
  requireOccurring(inventory, known.categoryCode, 'classCode');
  const unit = requireUnit(command.unit, known.activityUnit, 'unit');
  const facilityName = textOrNull(command.facilityName);
  requireUniqueLine(inventory, known.classCode, facilityName, null);
  const line: ActivityLine = {
    lineId,
    classCode: known.classCode,
    categoryCode: known.categoryCode,
    facilityName,
    activityRate,
    unit,
    dataSource: (command.dataSource ?? '').trim(),
    note: (command.note ?? '').trim(),
    revision: 1,
  };
  return accept(inventoryEvent<ActivityRecorded>('ActivityRecorded', { inventoryId: inventory.inventoryId, line }));
}

const REVISABLE: readonly (keyof LineFields)[] = ['classCode', 'facilityName', 'activityRate', 'unit', 'dataSource', 'note'];

/**
 * Changes the named fields of a line the client saw at `basedOnRevision`. Fields equal to the
 * current ones are dropped; when nothing is left, nothing is appended (a repeated edit is harmless).
 */
export function decideReviseActivity(command: ReviseActivity, state: InventoryState, context: InventoryContext): Decision {
  const inventory = requireDraft(state);
  const line = requireLineAt(inventory, command.lineId, command.basedOnRevision);
  const asked = command.changes ?? {};
  const unknownField = Object.keys(asked).find((key) => !(REVISABLE as readonly string[]).includes(key));
  if (unknownField !== undefined) refuse(InventoryErrorCode.INVALID_INPUT, `changes.${unknownField}`, `${unknownField} cannot be revised`);

  const next: ActivityLine = { ...line };
  if (asked.classCode !== undefined && asked.classCode.trim() !== line.classCode) {
    const known = requireClass(context.catalogue, inventory.editionId, asked.classCode, 'changes.classCode');
    requireOccurring(inventory, known.categoryCode, 'changes.classCode');
    next.classCode = known.classCode;
    next.categoryCode = known.categoryCode;
  }
  if (asked.facilityName !== undefined) next.facilityName = textOrNull(asked.facilityName);
  if (asked.activityRate !== undefined) next.activityRate = requireActivityRate(asked.activityRate, 'changes.activityRate');
  if (asked.dataSource !== undefined) next.dataSource = (asked.dataSource ?? '').trim();
  if (asked.note !== undefined) next.note = (asked.note ?? '').trim();
  if (asked.unit !== undefined || next.classCode !== line.classCode) {
    const classUnit = context.catalogue.activityUnitOf(inventory.editionId, next.classCode) ?? '';
    next.unit = requireUnit(asked.unit ?? line.unit, classUnit, asked.unit !== undefined ? 'changes.unit' : 'changes.classCode');
  }
  if (next.classCode !== line.classCode || next.facilityName !== line.facilityName) {
    requireUniqueLine(inventory, next.classCode, next.facilityName, line.lineId);
  }

  const fields = [...REVISABLE, 'categoryCode'] as const;
  const changed = fields.filter((field) => next[field] !== line[field]);
  if (changed.length === 0) return accept();
  const pick = (from: ActivityLine) => Object.fromEntries(changed.map((field) => [field, from[field]]));
  return accept(
    inventoryEvent<ActivityRevised>('ActivityRevised', {
      inventoryId: inventory.inventoryId,
      lineId: line.lineId,
      classCode: next.classCode,
      facilityName: next.facilityName,
      revision: line.revision + 1,
      changes: pick(next),
      previous: pick(line),
    }),
  );
}

export function decideRemoveActivity(command: RemoveActivity, state: InventoryState): Decision {
  const inventory = requireDraft(state);
  const line = requireLineAt(inventory, command.lineId, command.basedOnRevision);
  const withdrawnOverrideIds = Object.values(inventory.overrides)
    .filter((o) => o.scope.kind === 'line' && o.scope.lineId === line.lineId)
    .map((o) => o.overrideId)
    .sort();
  return accept(
    inventoryEvent<ActivityRemoved>('ActivityRemoved', {
      inventoryId: inventory.inventoryId,
      lineId: line.lineId,
      classCode: line.classCode,
      categoryCode: line.categoryCode,
      facilityName: line.facilityName,
      revision: line.revision,
      withdrawnOverrideIds,
      reason: textOrNull(command.reason),
    }),
  );
}

import { areCompatible, parseActivityUnit, parseFactorUnit } from '@upops/calculation';
import type { EmissionFactorValue } from '@upops/catalogue';
import { isBlank, refuse } from './decision';
import type { CatalogueLookup } from './inventory.commands';
import { InventoryErrorCode } from './inventory.errors';
import type { InventoryState, OpenedInventory } from './inventory.state';
import type { ActivityLine } from './inventory.types';

export function requireInventory(state: InventoryState): OpenedInventory {
  if (state.status === 'absent') refuse(InventoryErrorCode.INVENTORY_NOT_FOUND, 'inventoryId', 'This inventory does not exist');
  return state;
}

/** A submitted inventory is frozen: only reopening changes it. */
export function requireDraft(state: InventoryState): OpenedInventory {
  const inventory = requireInventory(state);
  if (inventory.status !== 'draft') {
    refuse(InventoryErrorCode.INVENTORY_CLOSED, 'inventoryId', 'This inventory is submitted; reopen it before editing');
  }
  return inventory;
}

export function requireText(text: string | null | undefined, code: InventoryErrorCode, field: string, message: string): string {
  if (typeof text !== 'string' || isBlank(text)) refuse(code, field, message);
  return text.trim();
}

/** The line in force, if the client saw its current revision; otherwise a conflict carrying the line. */
export function requireLineAt(inventory: OpenedInventory, lineId: string, basedOnRevision: number | undefined): ActivityLine {
  const line = inventory.lines[lineId];
  if (!line) refuse(InventoryErrorCode.LINE_NOT_FOUND, 'lineId', 'This line does not exist (any more)');
  if (typeof basedOnRevision !== 'number' || !Number.isInteger(basedOnRevision) || basedOnRevision < 1) {
    refuse(InventoryErrorCode.INVALID_INPUT, 'basedOnRevision', 'Name the revision of the line the edit is based on');
  }
  if (basedOnRevision !== line.revision) {
    refuse(
      InventoryErrorCode.LINE_CONFLICT,
      'basedOnRevision',
      `Someone changed this line meanwhile (revision ${line.revision}, not ${basedOnRevision}); review the current value`,
      { lineId, expectedRevision: basedOnRevision, actualRevision: line.revision, currentLine: line },
    );
  }
  return line;
}

export function requireActivityRate(rate: unknown, field: string): number {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
    refuse(InventoryErrorCode.INVALID_ACTIVITY, field, 'The activity rate is a finite number, 0 or more');
  }
  return rate;
}

export interface ClassInEdition {
  classCode: string;
  categoryCode: string;
  activityUnit: string;
}

export function requireClass(catalogue: CatalogueLookup, editionId: string, classCode: string, field: string): ClassInEdition {
  const code = requireText(classCode, InventoryErrorCode.INVALID_INPUT, field, 'Name the source class');
  const categoryCode = catalogue.classExists(editionId, code) ? catalogue.categoryOf(editionId, code) : undefined;
  if (categoryCode === undefined) refuse(InventoryErrorCode.CLASS_NOT_FOUND, field, `Edition ${editionId} has no class ${code}`);
  return { classCode: code, categoryCode, activityUnit: catalogue.activityUnitOf(editionId, code) ?? '' };
}

export function requireOccurring(inventory: OpenedInventory, categoryCode: string, field: string): void {
  if (inventory.notOccurring[categoryCode]) {
    refuse(
      InventoryErrorCode.CATEGORY_NOT_OCCURRING,
      field,
      `Category ${categoryCode} is marked not occurring; unmark it before recording activity in it`,
    );
  }
}

/**
 * The line's unit must measure what the class's unit measures ("kt" for "t of waste burned").
 * Same text is always fine; a line unit the calculation cannot read is refused; when the class's
 * own unit cannot be read (e.g. "t or m3 of crude"), the line's unit is what says which one.
 */
export function requireUnit(unit: string, classUnit: string, field: string): string {
  const text = requireText(unit, InventoryErrorCode.INVALID_ACTIVITY, field, 'Give the unit of the activity rate');
  if (text === classUnit.trim()) return text;
  const line = parseActivityUnit(text);
  if (!line.ok) refuse(InventoryErrorCode.UNIT_UNKNOWN, field, `"${text}" is not a unit the calculation can read`);
  const ofClass = parseActivityUnit(classUnit);
  if (ofClass.ok && !areCompatible(line.value, ofClass.value)) {
    refuse(InventoryErrorCode.UNIT_INCOMPATIBLE, field, `"${text}" does not convert to the class's unit "${classUnit}"`);
  }
  return text;
}

/** One line per class and facility (or per class, without a facility). */
export function requireUniqueLine(
  inventory: OpenedInventory,
  classCode: string,
  facilityName: string | null,
  exceptLineId: string | null,
): void {
  const same = (name: string | null) => (name ?? '').toLowerCase() === (facilityName ?? '').toLowerCase();
  const twin = Object.values(inventory.lines).find((l) => l.lineId !== exceptLineId && l.classCode === classCode && same(l.facilityName));
  if (twin) {
    refuse(
      InventoryErrorCode.LINE_DUPLICATE,
      'facilityName',
      facilityName === null
        ? `Class ${classCode} already has a line without a facility (${twin.lineId}); revise it instead`
        : `Class ${classCode} already has a line for ${facilityName} (${twin.lineId}); revise it instead`,
    );
  }
}

/**
 * A factor is a non-negative number, an ordered range, NA or ND. Numbers come with a unit the
 * calculation can read, per a unit that measures what the class's activity measures.
 */
export function requireFactor(value: EmissionFactorValue, unit: string, classUnit: string): void {
  const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  switch (value?.kind) {
    case 'value':
      if (!ok(value.value)) refuse(InventoryErrorCode.INVALID_FACTOR, 'value.value', 'A factor is a finite number, 0 or more');
      break;
    case 'range':
      if (!ok(value.low) || !ok(value.high) || value.low > value.high) {
        refuse(InventoryErrorCode.INVALID_FACTOR, 'value', 'A range runs from a low to a high finite number, 0 or more');
      }
      break;
    case 'NA':
    case 'ND':
      return;
    default:
      refuse(InventoryErrorCode.INVALID_FACTOR, 'value.kind', 'A factor is a value, a range, NA or ND');
  }
  if (typeof unit !== 'string' || isBlank(unit)) refuse(InventoryErrorCode.INVALID_FACTOR, 'unit', 'Give the unit of the factor, e.g. "µg TEQ/t"');
  const parsed = parseFactorUnit(unit);
  if (!parsed.ok) refuse(InventoryErrorCode.UNIT_UNKNOWN, 'unit', `"${unit}" is not a factor unit the calculation can read, e.g. "µg TEQ/t"`);
  const ofClass = parseActivityUnit(classUnit);
  if (ofClass.ok && !areCompatible(parsed.value.per, ofClass.value)) {
    refuse(InventoryErrorCode.UNIT_INCOMPATIBLE, 'unit', `"${unit}" is not per what the class's activity measures ("${classUnit}")`);
  }
}

import { accept, type Decision, refuse, textOrNull } from './decision';
import { requireClass, requireDraft, requireFactor, requireLineAt, requireText } from './guards';
import type { InventoryContext, OverrideEmissionFactor, WithdrawOverride } from './inventory.commands';
import { InventoryErrorCode } from './inventory.errors';
import { inventoryEvent, type EmissionFactorOverridden, type EmissionFactorOverrideWithdrawn } from './inventory.events';
import { type InventoryState, overrideInForce } from './inventory.state';
import type { EmissionFactorOverride, OverrideScope } from './inventory.types';

/**
 * Puts a country-specific factor in force, replacing the one of the same scope, substance and
 * vector. Lost updates are refused: a line scope checks the line's revision (every override of a
 * line is an edit of it), a class scope checks the override the client saw in force.
 */
export function decideOverrideEmissionFactor(command: OverrideEmissionFactor, state: InventoryState, context: InventoryContext): Decision {
  const inventory = requireDraft(state);
  const overrideId = requireText(command.overrideId, InventoryErrorCode.INVALID_INPUT, 'overrideId', 'Give the override an id');
  if (inventory.overrides[overrideId]) refuse(InventoryErrorCode.OVERRIDE_EXISTS, 'overrideId', `Override ${overrideId} exists`);

  let scope: OverrideScope;
  let classCode: string;
  let lineRevision: number | null = null;
  if (command.scope?.kind === 'line') {
    const line = requireLineAt(inventory, command.scope.lineId, command.basedOnRevision);
    scope = { kind: 'line', lineId: line.lineId };
    classCode = line.classCode;
    lineRevision = line.revision + 1;
  } else if (command.scope?.kind === 'class') {
    classCode = requireClass(context.catalogue, inventory.editionId, command.scope.classCode, 'scope.classCode').classCode;
    scope = { kind: 'class', classCode };
  } else {
    return refuse(InventoryErrorCode.INVALID_INPUT, 'scope', 'An override applies to a line or to a class');
  }

  const substance = requireText(command.substance, InventoryErrorCode.INVALID_INPUT, 'substance', 'Name the substance');
  requireFactor(command.value, command.unit, context.catalogue.activityUnitOf(inventory.editionId, classCode) ?? '');
  const justification = requireText(
    command.justification,
    InventoryErrorCode.JUSTIFICATION_REQUIRED,
    'justification',
    'Say why the country-specific factor fits better than the Toolkit default',
  );
  const reference = requireText(command.reference, InventoryErrorCode.REFERENCE_REQUIRED, 'reference', 'Say where the factor comes from');

  const current = overrideInForce(inventory, scope, substance, command.vector);
  if (scope.kind === 'class') {
    const expected = command.replacesOverrideId ?? null;
    if ((current?.overrideId ?? null) !== expected) {
      refuse(
        InventoryErrorCode.OVERRIDE_CONFLICT,
        'replacesOverrideId',
        current
          ? `Another factor is in force for ${scope.classCode}, ${substance}, ${command.vector}; review it first`
          : `The factor you meant to replace for ${scope.classCode}, ${substance}, ${command.vector} was withdrawn`,
        { expectedOverrideId: expected, currentOverride: current ?? null },
      );
    }
  }

  const override: EmissionFactorOverride = {
    overrideId,
    scope,
    substance,
    vector: command.vector,
    value: command.value,
    unit: (command.unit ?? '').trim(),
    justification,
    reference,
  };
  return accept(
    inventoryEvent<EmissionFactorOverridden>('EmissionFactorOverridden', {
      inventoryId: inventory.inventoryId,
      override,
      classCode,
      replacedOverrideId: current?.overrideId ?? null,
      lineRevision,
    }),
  );
}

/**
 * Withdraws an override by id: the id is the client's proof of what it saw (a replaced override
 * has another id). A line-scoped withdrawal is an edit of the line: its revision goes up.
 */
export function decideWithdrawOverride(command: WithdrawOverride, state: InventoryState): Decision {
  const inventory = requireDraft(state);
  const override = inventory.overrides[command.overrideId];
  if (!override) refuse(InventoryErrorCode.OVERRIDE_NOT_FOUND, 'overrideId', 'This override is not in force (any more)');
  const line = override.scope.kind === 'line' ? inventory.lines[override.scope.lineId] : undefined;
  return accept(
    inventoryEvent<EmissionFactorOverrideWithdrawn>('EmissionFactorOverrideWithdrawn', {
      inventoryId: inventory.inventoryId,
      overrideId: override.overrideId,
      scope: override.scope,
      classCode: line?.classCode ?? (override.scope.kind === 'class' ? override.scope.classCode : ''),
      substance: override.substance,
      vector: override.vector,
      lineRevision: line ? line.revision + 1 : null,
      reason: textOrNull(command.reason),
    }),
  );
}

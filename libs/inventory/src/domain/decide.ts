import { accept, type Decision, Refusal, refuse, reject, textOrNull } from './decision';
import { decideRecordActivity, decideRemoveActivity, decideReviseActivity } from './decide-lines';
import { decideOverrideEmissionFactor, decideWithdrawOverride } from './decide-overrides';
import { requireDraft, requireInventory, requireText } from './guards';
import type {
  InventoryCommand,
  InventoryContext,
  MarkCategoryNotOccurring,
  OpenInventory,
  ReopenInventory,
  SubmitInventory,
  SwitchEdition,
  UnmarkCategoryNotOccurring,
} from './inventory.commands';
import { InventoryErrorCode } from './inventory.errors';
import {
  inventoryEvent,
  type CategoryMarkedNotOccurring,
  type CategoryUnmarked,
  type EditionSwitched,
  type InventoryOpened,
  type InventoryReopened,
  type InventorySubmitted,
} from './inventory.events';
import { type InventoryState, linesInOrder } from './inventory.state';

export const FIRST_REFERENCE_YEAR = 1990;
export const LAST_REFERENCE_YEAR = 2100;

/**
 * The inventory's decider: (command, state, context) -> events or a typed refusal. Pure: `now`
 * and the catalogue lookup come in the context, ids in the commands. Edits to different lines
 * never conflict here; the handler re-decides after a stream version conflict.
 */
export function decide(command: InventoryCommand, state: InventoryState, context: InventoryContext): Decision {
  try {
    return decideCommand(command, state, context);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error };
    throw error;
  }
}

function decideCommand(command: InventoryCommand, state: InventoryState, context: InventoryContext): Decision {
  switch (command.type) {
    case 'OpenInventory':
      return decideOpenInventory(command, state, context);
    case 'RecordActivity':
      return decideRecordActivity(command, state, context);
    case 'ReviseActivity':
      return decideReviseActivity(command, state, context);
    case 'RemoveActivity':
      return decideRemoveActivity(command, state);
    case 'OverrideEmissionFactor':
      return decideOverrideEmissionFactor(command, state, context);
    case 'WithdrawOverride':
      return decideWithdrawOverride(command, state);
    case 'MarkCategoryNotOccurring':
      return decideMarkCategoryNotOccurring(command, state, context);
    case 'UnmarkCategoryNotOccurring':
      return decideUnmarkCategoryNotOccurring(command, state);
    case 'SwitchEdition':
      return decideSwitchEdition(command, state, context);
    case 'SubmitInventory':
      return decideSubmitInventory(command, state, context);
    case 'ReopenInventory':
      return decideReopenInventory(command, state);
    default: {
      // A new command that is not handled above fails to compile here.
      const unhandled: never = command;
      return reject(InventoryErrorCode.INVALID_INPUT, 'type', `unknown command ${JSON.stringify(unhandled)}`);
    }
  }
}

function decideOpenInventory(command: OpenInventory, state: InventoryState, context: InventoryContext): Decision {
  if (state.status !== 'absent') refuse(InventoryErrorCode.INVENTORY_EXISTS, 'inventoryId', 'This inventory exists already');
  const inventoryId = requireText(command.inventoryId, InventoryErrorCode.INVALID_INPUT, 'inventoryId', 'Give the inventory an id');
  const party = requireText(command.party, InventoryErrorCode.INVALID_INPUT, 'party', 'Name the Party').toUpperCase();
  const year = command.referenceYear;
  if (!Number.isInteger(year) || year < FIRST_REFERENCE_YEAR || year > LAST_REFERENCE_YEAR) {
    refuse(InventoryErrorCode.INVALID_INPUT, 'referenceYear', `The reference year is a year from ${FIRST_REFERENCE_YEAR} to ${LAST_REFERENCE_YEAR}`);
  }
  const editionId = requireText(command.editionId, InventoryErrorCode.INVALID_INPUT, 'editionId', 'Name the catalogue edition');
  if (!context.catalogue.editionPublished(editionId)) {
    refuse(InventoryErrorCode.EDITION_NOT_PUBLISHED, 'editionId', `Edition ${editionId} is not published`);
  }
  const tefScheme = requireText(command.tefScheme, InventoryErrorCode.INVALID_INPUT, 'tefScheme', 'Name the TEF scheme');
  if (!context.catalogue.tefSchemeExists(tefScheme)) {
    refuse(InventoryErrorCode.TEF_SCHEME_NOT_FOUND, 'tefScheme', `No TEF scheme ${tefScheme}`);
  }
  return accept(
    inventoryEvent<InventoryOpened>('InventoryOpened', {
      inventoryId,
      party,
      referenceYear: year,
      editionId,
      tefScheme,
      openedAt: context.now.toISOString(),
    }),
  );
}

/** "Not occurring" is a statement of its own (never an empty category): it needs a note, and no lines. */
function decideMarkCategoryNotOccurring(command: MarkCategoryNotOccurring, state: InventoryState, context: InventoryContext): Decision {
  const inventory = requireDraft(state);
  const categoryCode = requireText(command.categoryCode, InventoryErrorCode.INVALID_INPUT, 'categoryCode', 'Name the category');
  if (!context.catalogue.categoryExists(inventory.editionId, categoryCode)) {
    refuse(InventoryErrorCode.CATEGORY_NOT_FOUND, 'categoryCode', `Edition ${inventory.editionId} has no category ${categoryCode}`);
  }
  const note = requireText(command.note, InventoryErrorCode.NOTE_REQUIRED, 'note', 'Say how the Party knows the category does not occur');
  if (inventory.notOccurring[categoryCode]) {
    refuse(InventoryErrorCode.CATEGORY_ALREADY_MARKED, 'categoryCode', `Category ${categoryCode} is marked not occurring already`);
  }
  const lines = linesInOrder(inventory).filter((l) => l.categoryCode === categoryCode);
  if (lines.length > 0) {
    refuse(
      InventoryErrorCode.CATEGORY_HAS_ACTIVITY,
      'categoryCode',
      `Category ${categoryCode} has activity lines (${lines.map((l) => l.lineId).join(', ')}); remove them first`,
    );
  }
  return accept(
    inventoryEvent<CategoryMarkedNotOccurring>('CategoryMarkedNotOccurring', { inventoryId: inventory.inventoryId, categoryCode, note }),
  );
}

function decideUnmarkCategoryNotOccurring(command: UnmarkCategoryNotOccurring, state: InventoryState): Decision {
  const inventory = requireDraft(state);
  if (!inventory.notOccurring[command.categoryCode]) {
    refuse(InventoryErrorCode.CATEGORY_NOT_MARKED, 'categoryCode', `Category ${command.categoryCode} is not marked not occurring`);
  }
  return accept(
    inventoryEvent<CategoryUnmarked>('CategoryUnmarked', {
      inventoryId: inventory.inventoryId,
      categoryCode: command.categoryCode,
      reason: textOrNull(command.reason),
    }),
  );
}

/**
 * Moves the inventory to another published edition. Every line's class must exist there, in the
 * same category; otherwise the drafter first removes or revises those lines (the refusal names them).
 */
function decideSwitchEdition(command: SwitchEdition, state: InventoryState, context: InventoryContext): Decision {
  const inventory = requireDraft(state);
  const editionId = requireText(command.editionId, InventoryErrorCode.INVALID_INPUT, 'editionId', 'Name the catalogue edition');
  if (editionId === inventory.editionId) {
    refuse(InventoryErrorCode.EDITION_UNCHANGED, 'editionId', `The inventory refers to ${editionId} already`);
  }
  if (!context.catalogue.editionPublished(editionId)) {
    refuse(InventoryErrorCode.EDITION_NOT_PUBLISHED, 'editionId', `Edition ${editionId} is not published`);
  }
  const explanation = requireText(
    command.explanation,
    InventoryErrorCode.EXPLANATION_REQUIRED,
    'explanation',
    'Say why the inventory moves to another edition',
  );
  const lacking = linesInOrder(inventory).filter(
    (l) => !context.catalogue.classExists(editionId, l.classCode) || context.catalogue.categoryOf(editionId, l.classCode) !== l.categoryCode,
  );
  if (lacking.length > 0) {
    const classes = [...new Set(lacking.map((l) => l.classCode))].join(', ');
    refuse(InventoryErrorCode.EDITION_LACKS_CLASSES, 'editionId', `Edition ${editionId} lacks (or moved) classes in use: ${classes}`);
  }
  return accept(
    inventoryEvent<EditionSwitched>('EditionSwitched', {
      inventoryId: inventory.inventoryId,
      fromEditionId: inventory.editionId,
      toEditionId: editionId,
      explanation,
    }),
  );
}

function decideSubmitInventory(command: SubmitInventory, state: InventoryState, context: InventoryContext): Decision {
  const inventory = requireDraft(state);
  const submissionId = requireText(command.submissionId, InventoryErrorCode.INVALID_INPUT, 'submissionId', 'Give the submission an id');
  return accept(
    inventoryEvent<InventorySubmitted>('InventorySubmitted', {
      inventoryId: inventory.inventoryId,
      submissionId,
      submittedAt: context.now.toISOString(),
    }),
  );
}

function decideReopenInventory(command: ReopenInventory, state: InventoryState): Decision {
  const inventory = requireInventory(state);
  if (inventory.status !== 'submitted') refuse(InventoryErrorCode.INVENTORY_NOT_CLOSED, 'inventoryId', 'This inventory is a draft already');
  const reason = requireText(command.reason, InventoryErrorCode.REASON_REQUIRED, 'reason', 'Say why the inventory is reopened');
  return accept(inventoryEvent<InventoryReopened>('InventoryReopened', { inventoryId: inventory.inventoryId, reason }));
}

import type {
  AddSourceCategory,
  AddSourceClass,
  AddSubstance,
  ImportEditionSnapshot,
  SetEmissionFactor,
} from './catalogue.commands';
import type { SourceGroup } from './catalogue.types';
import { CatalogueErrorCode } from './catalogue.errors';
import type { CatalogueEvent } from './catalogue.events';
import { factorKey, type CatalogueState } from './catalogue.state';
import { decideAddSourceCategory, decideAddSourceClass, decideAddSubstance } from './decide-content';
import { decideDraftEdition } from './decide-edition';
import { decideSetEmissionFactor } from './decide-factor';
import { accept, isBlank, reject, type Decision } from './decision';
import { evolve } from './evolve';

/** One step of an import: the command, and where its data sits in the snapshot (for errors). */
/** The commands an import is made of. */
type ImportCommand = AddSubstance | AddSourceCategory | AddSourceClass | SetEmissionFactor;

interface ImportStep {
  command: ImportCommand;
  at: string;
  /** For a category: where its group sits, as group fields are checked with the category. */
  groupAt?: string;
}

/**
 * A snapshot as a new draft edition. Each item goes through the same decider as a hand-entered
 * command, against the state the earlier items produced, so an import can never hold what a
 * user could not have entered. The first refusal refuses the whole import, naming the item.
 */
export function decideImportEditionSnapshot(command: ImportEditionSnapshot, state: CatalogueState, now: Date): Decision {
  const { editionId, snapshot, reason } = command;
  if (isBlank(reason))
    return reject(CatalogueErrorCode.REASON_REQUIRED, 'reason', 'say what the import is (e.g. the source of the sheet)');

  const drafted = decideDraftEdition({ type: 'DraftEdition', editionId, title: command.title, derivedFrom: null }, state, now);
  if (!drafted.ok) return drafted;

  const groups = new Map<string, { group: SourceGroup; i: number }>();
  for (const [i, group] of snapshot.groups.entries()) {
    const earlier = groups.get(group.code);
    if (earlier)
      return reject(
        CatalogueErrorCode.INVALID_INPUT,
        `snapshot.groups[${i}].code`,
        `group ${group.code} is also snapshot.groups[${earlier.i}]`,
      );
    groups.set(group.code, { group, i });
  }
  const steps: ImportStep[] = [];
  snapshot.substances.forEach((substance, i) =>
    steps.push({ command: { type: 'AddSubstance', editionId, substance }, at: `snapshot.substances[${i}]` }),
  );
  for (const [i, category] of snapshot.categories.entries()) {
    const group = groups.get(category.groupCode);
    if (!group) {
      return reject(
        CatalogueErrorCode.INVALID_INPUT,
        `snapshot.categories[${i}].groupCode`,
        `group ${category.groupCode} is not in the snapshot`,
      );
    }
    steps.push({
      command: { type: 'AddSourceCategory', editionId, group: group.group, category },
      at: `snapshot.categories[${i}]`,
      groupAt: `snapshot.groups[${group.i}]`,
    });
  }
  snapshot.classes.forEach((sourceClass, i) =>
    steps.push({ command: { type: 'AddSourceClass', editionId, sourceClass }, at: `snapshot.classes[${i}]` }),
  );

  const cells = new Map<string, number>();
  for (const [i, factor] of snapshot.factors.entries()) {
    const key = factorKey(factor.classCode, factor.substance, factor.vector);
    const earlier = cells.get(key);
    // Two values for one cell would leave the later one silently in place.
    if (earlier !== undefined) {
      return reject(
        CatalogueErrorCode.INVALID_FACTOR,
        `snapshot.factors[${i}]`,
        `the cell ${key} is also given by snapshot.factors[${earlier}]`,
      );
    }
    cells.set(key, i);
    steps.push({ command: { type: 'SetEmissionFactor', editionId, factor, reason }, at: `snapshot.factors[${i}]` });
  }

  const events: CatalogueEvent[] = [...drafted.events];
  let current = drafted.events.reduce(evolve, state);
  for (const step of steps) {
    const decision = decideStep(step.command, current);
    if (!decision.ok) {
      return reject(decision.error.code, importPath(step, decision.error.field), decision.error.message);
    }
    events.push(...decision.events);
    // Factors depend on classes and substances, never on each other (one cell each, checked
    // above), so they need not be folded in one by one: that would copy the factor table per
    // factor and make a large import quadratic.
    if (step.command.type !== 'SetEmissionFactor') current = decision.events.reduce(evolve, current);
  }
  return accept(...events);
}

function decideStep(command: ImportCommand, state: CatalogueState): Decision {
  switch (command.type) {
    case 'AddSubstance':
      return decideAddSubstance(command, state);
    case 'AddSourceCategory':
      return decideAddSourceCategory(command, state);
    case 'AddSourceClass':
      return decideAddSourceClass(command, state);
    case 'SetEmissionFactor':
      return decideSetEmissionFactor(command, state);
    default: {
      const unhandled: never = command;
      return reject(CatalogueErrorCode.INVALID_INPUT, 'type', `unknown import step ${JSON.stringify(unhandled)}`);
    }
  }
}

/** "factor.value" of an inner command is "snapshot.factors[3].value" of the import. */
function importPath(step: ImportStep, field: string): string {
  if (step.groupAt && field.startsWith('group.')) return `${step.groupAt}.${field.slice('group.'.length)}`;
  const inner = field.replace(/^(factor|sourceClass|substance|category)\./, '');
  return `${step.at}.${inner}`;
}

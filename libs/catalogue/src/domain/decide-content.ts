import type { AddSourceCategory, AddSourceClass, AddSubstance } from './catalogue.commands';
import { isConfidence } from './catalogue.types';
import { CatalogueErrorCode } from './catalogue.errors';
import { catalogueEvent, type SourceCategoryAdded, type SourceClassAdded, type SubstanceAdded } from './catalogue.events';
import type { CatalogueState } from './catalogue.state';
import { accept, isBlank, reject, type Decision } from './decision';
import { draftEdition } from './edition-guards';

const GROUP_CODE = /^[1-9]\d*$/;
const CLASS_SUFFIX = /^\d+[a-z]?$/;

export function decideAddSourceCategory(command: AddSourceCategory, state: CatalogueState): Decision {
  const target = draftEdition(state, command.editionId);
  if (!target.ok) return target.decision;
  const { group, category } = command;
  if (!GROUP_CODE.test(group.code))
    return reject(CatalogueErrorCode.INVALID_INPUT, 'group.code', `"${group.code}" is not a source group number`);
  if (isBlank(group.name)) return reject(CatalogueErrorCode.INVALID_INPUT, 'group.name', 'the group needs a name');
  if (category.groupCode !== group.code) {
    return reject(
      CatalogueErrorCode.INVALID_INPUT,
      'category.groupCode',
      `category ${category.code} names group ${category.groupCode}, not ${group.code}`,
    );
  }
  if (!new RegExp(`^${group.code}[a-z]$`).test(category.code)) {
    return reject(
      CatalogueErrorCode.INVALID_INPUT,
      'category.code',
      `"${category.code}" is not a category of group ${group.code} (e.g. ${group.code}a)`,
    );
  }
  if (isBlank(category.name)) return reject(CatalogueErrorCode.INVALID_INPUT, 'category.name', 'the category needs a name');
  if (target.edition.categories[category.code]) {
    return reject(
      CatalogueErrorCode.CATEGORY_EXISTS,
      'category.code',
      `category ${category.code} is already in edition ${command.editionId}`,
    );
  }
  const known = target.edition.groups[group.code];
  if (known && known.name !== group.name) {
    return reject(
      CatalogueErrorCode.GROUP_CONFLICT,
      'group.name',
      `group ${group.code} is "${known.name}" in this edition, not "${group.name}"`,
    );
  }
  return accept(catalogueEvent<SourceCategoryAdded>('SourceCategoryAdded', { editionId: command.editionId, group, category }));
}

export function decideAddSourceClass(command: AddSourceClass, state: CatalogueState): Decision {
  const target = draftEdition(state, command.editionId);
  if (!target.ok) return target.decision;
  const { sourceClass } = command;
  const { code, categoryCode } = sourceClass;
  if (!code.startsWith(categoryCode) || !CLASS_SUFFIX.test(code.slice(categoryCode.length))) {
    return reject(
      CatalogueErrorCode.INVALID_INPUT,
      'sourceClass.code',
      `"${code}" is not a class of category ${categoryCode} (e.g. ${categoryCode}1)`,
    );
  }
  if (!target.edition.categories[categoryCode]) {
    return reject(
      CatalogueErrorCode.CATEGORY_NOT_FOUND,
      'sourceClass.categoryCode',
      `category ${categoryCode} is not in edition ${command.editionId}`,
    );
  }
  if (target.edition.classes[code])
    return reject(
      CatalogueErrorCode.CLASS_EXISTS,
      'sourceClass.code',
      `class ${code} is already in edition ${command.editionId}`,
    );
  if (isBlank(sourceClass.name)) return reject(CatalogueErrorCode.INVALID_INPUT, 'sourceClass.name', 'the class needs a name');
  if (isBlank(sourceClass.activityUnit)) {
    return reject(
      CatalogueErrorCode.INVALID_INPUT,
      'sourceClass.activityUnit',
      'the class needs an activity unit (e.g. t of waste burned)',
    );
  }
  if (!isConfidence(sourceClass.confidence)) {
    return reject(
      CatalogueErrorCode.INVALID_INPUT,
      'sourceClass.confidence',
      `"${String(sourceClass.confidence)}" is not verified, inferred or unverified`,
    );
  }
  if (isBlank(sourceClass.reference))
    return reject(CatalogueErrorCode.REFERENCE_REQUIRED, 'sourceClass.reference', 'say where the class comes from');
  return accept(catalogueEvent<SourceClassAdded>('SourceClassAdded', { editionId: command.editionId, sourceClass }));
}

export function decideAddSubstance(command: AddSubstance, state: CatalogueState): Decision {
  const target = draftEdition(state, command.editionId);
  if (!target.ok) return target.decision;
  const { substance } = command;
  if (isBlank(substance.code)) return reject(CatalogueErrorCode.INVALID_INPUT, 'substance.code', 'the substance needs a code');
  if (isBlank(substance.name)) return reject(CatalogueErrorCode.INVALID_INPUT, 'substance.name', 'the substance needs a name');
  if (substance.basis !== 'TEQ' && substance.basis !== 'mass') {
    return reject(CatalogueErrorCode.INVALID_INPUT, 'substance.basis', `"${String(substance.basis)}" is not TEQ or mass`);
  }
  if (target.edition.substances[substance.code]) {
    return reject(
      CatalogueErrorCode.SUBSTANCE_EXISTS,
      'substance.code',
      `substance ${substance.code} is already in edition ${command.editionId}`,
    );
  }
  return accept(catalogueEvent<SubstanceAdded>('SubstanceAdded', { editionId: command.editionId, substance }));
}

import type { SetEmissionFactor, WithdrawEmissionFactor } from './catalogue.commands';
import { isConfidence, isVector } from './catalogue.types';
import { CatalogueErrorCode } from './catalogue.errors';
import { catalogueEvent, type EmissionFactorSet, type EmissionFactorWithdrawn } from './catalogue.events';
import { factorOf, type CatalogueState } from './catalogue.state';
import { accept, isBlank, reject, type Decision } from './decision';
import { draftEdition } from './edition-guards';
import { factorValueProblem, hasNumber } from './factor-cell';
import { sameValue } from './same-value';

export function decideSetEmissionFactor(command: SetEmissionFactor, state: CatalogueState): Decision {
  const target = draftEdition(state, command.editionId);
  if (!target.ok) return target.decision;
  const { factor } = command;
  const edition = target.edition;
  if (isBlank(command.reason)) return reject(CatalogueErrorCode.REASON_REQUIRED, 'reason', 'say why the factor is set');
  if (isBlank(factor.reference))
    return reject(CatalogueErrorCode.REFERENCE_REQUIRED, 'factor.reference', 'say where the factor comes from');
  if (!edition.classes[factor.classCode]) {
    return reject(
      CatalogueErrorCode.CLASS_NOT_FOUND,
      'factor.classCode',
      `class ${factor.classCode} is not in edition ${command.editionId}`,
    );
  }
  if (!edition.substances[factor.substance]) {
    return reject(
      CatalogueErrorCode.SUBSTANCE_NOT_FOUND,
      'factor.substance',
      `substance ${factor.substance} is not in edition ${command.editionId}`,
    );
  }
  if (!isVector(factor.vector))
    return reject(CatalogueErrorCode.INVALID_FACTOR, 'factor.vector', `"${String(factor.vector)}" is not a vector`);
  const problem = factorValueProblem(factor.value);
  if (problem) return reject(CatalogueErrorCode.INVALID_FACTOR, 'factor.value', problem);
  if (hasNumber(factor.value) && isBlank(factor.unit)) {
    return reject(CatalogueErrorCode.INVALID_FACTOR, 'factor.unit', 'a factor with a number needs its unit (e.g. µg TEQ/t)');
  }
  if (hasNumber(factor.value) && isBlank(factor.activityUnit)) {
    return reject(
      CatalogueErrorCode.INVALID_FACTOR,
      'factor.activityUnit',
      'a factor with a number needs the unit of activity it applies to',
    );
  }
  if (!isConfidence(factor.confidence)) {
    return reject(
      CatalogueErrorCode.INVALID_FACTOR,
      'factor.confidence',
      `"${String(factor.confidence)}" is not verified, inferred or unverified`,
    );
  }
  // Setting what is already there changes nothing: no event, so history shows only changes.
  if (sameValue(factorOf(edition, factor.classCode, factor.substance, factor.vector), factor)) return accept();
  return accept(
    catalogueEvent<EmissionFactorSet>('EmissionFactorSet', { editionId: command.editionId, factor, reason: command.reason }),
  );
}

export function decideWithdrawEmissionFactor(command: WithdrawEmissionFactor, state: CatalogueState): Decision {
  const target = draftEdition(state, command.editionId);
  if (!target.ok) return target.decision;
  const { editionId, classCode, substance, vector, reason, reference } = command;
  if (isBlank(reason)) return reject(CatalogueErrorCode.REASON_REQUIRED, 'reason', 'say why the factor is withdrawn');
  if (isBlank(reference)) return reject(CatalogueErrorCode.REFERENCE_REQUIRED, 'reference', 'say what the withdrawal rests on');
  if (!target.edition.classes[classCode])
    return reject(CatalogueErrorCode.CLASS_NOT_FOUND, 'classCode', `class ${classCode} is not in edition ${editionId}`);
  if (!target.edition.substances[substance]) {
    return reject(CatalogueErrorCode.SUBSTANCE_NOT_FOUND, 'substance', `substance ${substance} is not in edition ${editionId}`);
  }
  if (!isVector(vector)) return reject(CatalogueErrorCode.INVALID_INPUT, 'vector', `"${String(vector)}" is not a vector`);
  if (!factorOf(target.edition, classCode, substance, vector)) {
    return reject(
      CatalogueErrorCode.FACTOR_NOT_FOUND,
      'vector',
      `edition ${editionId} has no ${substance} factor for ${classCode} ${vector}`,
    );
  }
  return accept(
    catalogueEvent<EmissionFactorWithdrawn>('EmissionFactorWithdrawn', {
      editionId,
      classCode,
      substance,
      vector,
      reason,
      reference,
    }),
  );
}

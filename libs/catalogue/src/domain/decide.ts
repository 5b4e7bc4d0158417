import type { CatalogueCommand } from './catalogue.commands';
import { CatalogueErrorCode } from './catalogue.errors';
import type { CatalogueState } from './catalogue.state';
import { decideAddSourceCategory, decideAddSourceClass, decideAddSubstance } from './decide-content';
import { decideDraftEdition, decidePublishEdition } from './decide-edition';
import { decideSetEmissionFactor, decideWithdrawEmissionFactor } from './decide-factor';
import { reject, type Decision } from './decision';
import { decideImportEditionSnapshot } from './import-edition-snapshot';

/**
 * The catalogue's decider: (command, state, now) -> events or a typed refusal. `now` comes from
 * the caller (the domain has no clock); ids come in the commands.
 */
export function decide(command: CatalogueCommand, state: CatalogueState, now: Date): Decision {
  switch (command.type) {
    case 'DraftEdition':
      return decideDraftEdition(command, state, now);
    case 'AddSourceCategory':
      return decideAddSourceCategory(command, state);
    case 'AddSourceClass':
      return decideAddSourceClass(command, state);
    case 'AddSubstance':
      return decideAddSubstance(command, state);
    case 'SetEmissionFactor':
      return decideSetEmissionFactor(command, state);
    case 'WithdrawEmissionFactor':
      return decideWithdrawEmissionFactor(command, state);
    case 'PublishEdition':
      return decidePublishEdition(command, state, now);
    case 'ImportEditionSnapshot':
      return decideImportEditionSnapshot(command, state, now);
    default: {
      // A new command that is not handled above fails to compile here.
      const unhandled: never = command;
      return reject(CatalogueErrorCode.INVALID_INPUT, 'type', `unknown command ${JSON.stringify(unhandled)}`);
    }
  }
}

import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type EmissionFactorValue, isVector } from '@upops/catalogue';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { InventoryQueries } from '../application/inventory-queries';
import { InventoryService } from '../application/inventory.service';
import type { InventoryEdit } from '../application/inventory-commands.handler';
import { INVENTORY_EDITOR_ROLES } from '../domain/inventory-access';
import type { InventoryCommand } from '../domain/inventory.commands';
import { InventoryError, InventoryErrorCode } from '../domain/inventory.errors';
import { isOpened } from '../domain/inventory.state';
import type { LineChanges } from '../domain/inventory.types';
import { toInventory, toLine } from './inventory.mapper';
import { awaitReadModel, formatPosition } from './read-your-writes';
import {
  CategoryNotOccurringInput,
  OpenInventoryInput,
  OverrideEmissionFactorInput,
  RecordActivityInput,
  RemoveActivityInput,
  ReviseActivityInput,
  SwitchEditionInput,
  UnmarkCategoryInput,
  WithdrawOverrideInput,
} from './inventory.inputs';
import { InventoryEditType, InventoryType } from './inventory.types';

type EditResult = InventoryEditType & { checkpoint: InventoryEdit['checkpoint'] };

/** Thin adapter: inputs to commands, the service decides; edits are for the Party's drafters and coordinator. */
@Resolver(() => InventoryEditType)
export class InventoryEditResolver {
  constructor(
    @Inject(InventoryService) private readonly inventories: InventoryService,
    @Inject(InventoryQueries) private readonly queries: InventoryQueries,
  ) {}

  @Mutation(() => InventoryEditType, { description: 'Opens the inventory of a Party for a reference year; its id is <party>-<year>.' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async openInventory(@CurrentActor() actor: Actor, @Args('input') input: OpenInventoryInput): Promise<EditResult> {
    const { commandId, ...command } = input;
    return result(await this.inventories.open(actor, command, commandId), null);
  }

  @Mutation(() => InventoryEditType, { description: 'Records an activity line; releases are computed by the read model.' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async recordActivity(@CurrentActor() actor: Actor, @Args('input') input: RecordActivityInput): Promise<EditResult> {
    const lineId = input.lineId ?? randomUUID();
    const command: InventoryCommand = {
      type: 'RecordActivity',
      lineId,
      classCode: input.classCode,
      facilityName: input.facilityName ?? null,
      activityRate: input.activityRate,
      unit: input.unit,
      dataSource: input.dataSource,
      note: input.note,
    };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), lineId);
  }

  @Mutation(() => InventoryEditType, { description: 'Revises a line; CONFLICT (with the current line) when it changed since basedOnRevision.' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async reviseActivity(@CurrentActor() actor: Actor, @Args('input') input: ReviseActivityInput): Promise<EditResult> {
    const changes: LineChanges = {};
    if (input.classCode != null) changes.classCode = input.classCode;
    if (input.clearFacilityName) changes.facilityName = null;
    else if (input.facilityName != null) changes.facilityName = input.facilityName;
    if (input.activityRate != null) changes.activityRate = input.activityRate;
    if (input.unit != null) changes.unit = input.unit;
    if (input.dataSource != null) changes.dataSource = input.dataSource;
    if (input.note != null) changes.note = input.note;
    const command: InventoryCommand = { type: 'ReviseActivity', lineId: input.lineId, basedOnRevision: input.basedOnRevision, changes };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), input.lineId);
  }

  @Mutation(() => InventoryEditType, { description: 'Removes a line (and its line overrides); CONFLICT when it changed since basedOnRevision.' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async removeActivity(@CurrentActor() actor: Actor, @Args('input') input: RemoveActivityInput): Promise<EditResult> {
    const command: InventoryCommand = { type: 'RemoveActivity', lineId: input.lineId, basedOnRevision: input.basedOnRevision, reason: input.reason ?? null };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), null);
  }

  @Mutation(() => InventoryEditType, { description: 'Puts a country-specific factor in force (justification and reference required).' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async overrideEmissionFactor(@CurrentActor() actor: Actor, @Args('input') input: OverrideEmissionFactorInput): Promise<EditResult> {
    if (!isVector(input.vector)) throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'vector', `"${input.vector}" is not a vector (air, water, land, product, residue).`);
    const scope = input.lineId ? { kind: 'line' as const, lineId: input.lineId } : input.classCode ? { kind: 'class' as const, classCode: input.classCode } : undefined;
    if (!scope) throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'lineId', 'Name the line (lineId) or the class (classCode) the factor is for.');
    const command: InventoryCommand = {
      type: 'OverrideEmissionFactor',
      overrideId: input.overrideId ?? randomUUID(),
      scope,
      basedOnRevision: input.basedOnRevision ?? undefined,
      replacesOverrideId: input.replacesOverrideId ?? null,
      substance: input.substance,
      vector: input.vector,
      value: factorValue(input),
      unit: input.unit,
      justification: input.justification,
      reference: input.reference,
    };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), input.lineId ?? null);
  }

  @Mutation(() => InventoryEditType, { description: 'Withdraws a country-specific factor: the edition factor applies again.' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async withdrawEmissionFactorOverride(@CurrentActor() actor: Actor, @Args('input') input: WithdrawOverrideInput): Promise<EditResult> {
    const command: InventoryCommand = { type: 'WithdrawOverride', overrideId: input.overrideId, reason: input.reason ?? null };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), null);
  }

  @Mutation(() => InventoryEditType, { description: 'States that a source category does not occur in the country (note required).' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async markCategoryNotOccurring(@CurrentActor() actor: Actor, @Args('input') input: CategoryNotOccurringInput): Promise<EditResult> {
    const command: InventoryCommand = { type: 'MarkCategoryNotOccurring', categoryCode: input.categoryCode, note: input.note };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), null);
  }

  @Mutation(() => InventoryEditType, { description: 'Withdraws a "not occurring" statement.' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async unmarkCategoryNotOccurring(@CurrentActor() actor: Actor, @Args('input') input: UnmarkCategoryInput): Promise<EditResult> {
    const command: InventoryCommand = { type: 'UnmarkCategoryNotOccurring', categoryCode: input.categoryCode, reason: input.reason ?? null };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), null);
  }

  @Mutation(() => InventoryEditType, { description: 'Recalculates the inventory under another published edition; see inventoryRecalculation first.' })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async switchInventoryEdition(@CurrentActor() actor: Actor, @Args('input') input: SwitchEditionInput): Promise<EditResult> {
    const command: InventoryCommand = { type: 'SwitchEdition', editionId: input.editionId, explanation: input.explanation };
    return result(await this.inventories.edit(actor, input.inventoryId, command, input.commandId), null);
  }

  @ResolveField(() => InventoryType, { description: 'The inventory once the read model shows this edit (read your own writes).' })
  async inventory(@Parent() edit: EditResult, @CurrentActor() actor: Actor): Promise<InventoryType> {
    await awaitReadModel(this.inventories, edit.checkpoint);
    const view = await this.queries.current(actor, edit.inventoryId);
    if (!view) throw new InventoryError(InventoryErrorCode.INVENTORY_NOT_FOUND, 'inventoryId', `There is no inventory ${edit.inventoryId}.`);
    return toInventory(view);
  }
}

function result(edit: InventoryEdit, lineId: string | null): EditResult {
  const line = lineId && isOpened(edit.state) ? edit.state.lines[lineId] : undefined;
  return {
    inventoryId: edit.inventoryId,
    version: edit.version,
    duplicate: edit.duplicate,
    position: formatPosition(edit.checkpoint),
    line: line ? toLine(line) : null,
    checkpoint: edit.checkpoint,
  };
}

function factorValue(input: OverrideEmissionFactorInput): EmissionFactorValue {
  switch (input.kind) {
    case 'value':
      return { kind: 'value', value: input.value ?? Number.NaN };
    case 'range':
      return { kind: 'range', low: input.low ?? Number.NaN, high: input.high ?? Number.NaN };
    case 'NA':
    case 'ND':
      return { kind: input.kind };
    default:
      throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'kind', 'The factor kind is value, range, NA or ND.');
  }
}

import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { InventoryQueries } from '../application/inventory-queries';
import { InventoryService } from '../application/inventory.service';
import type { InventoryView } from '../application/inventory-views';
import { INVENTORY_READER_ROLES } from '../domain/inventory-access';
import { TOTAL_VIEWS, type TotalView } from '../domain/inventory-releases';
import { InventoryError, InventoryErrorCode } from '../domain/inventory.errors';
import { type InventoryTypeWithTotals, toInventory, toTotal } from './inventory.mapper';
import { awaitReadModel, parsePosition } from './read-your-writes';
import { InventorySummaryType, InventoryType, ReleaseTotalType } from './inventory.types';

/** Reading inventories: the Party's members and the Secretariat; another Party's drafters never. */
@Resolver(() => InventoryType)
export class InventoryResolver {
  constructor(
    @Inject(InventoryQueries) private readonly queries: InventoryQueries,
    @Inject(InventoryService) private readonly service: InventoryService,
  ) {}

  @Query(() => [InventorySummaryType], { description: 'Inventories the caller may read (own Party; the Secretariat all), optionally of one Party.' })
  @Access.roles(...INVENTORY_READER_ROLES)
  inventories(@CurrentActor() actor: Actor, @Args('party', { type: () => String, nullable: true }) party?: string | null): Promise<InventorySummaryType[]> {
    return this.queries.list(actor, { party });
  }

  @Query(() => InventoryType, {
    nullable: true,
    description:
      'An inventory with lines, releases and totals. after: a position a mutation returned (waits until the read model shows it). ' +
      'atVersion / asOf: the inventory as it was then (time travel).',
  })
  @Access.roles(...INVENTORY_READER_ROLES)
  async inventory(
    @CurrentActor() actor: Actor,
    @Args('inventoryId') inventoryId: string,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('atVersion', { type: () => Int, nullable: true }) atVersion?: number | null,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
  ): Promise<InventoryType | null> {
    let view: InventoryView | undefined;
    if (atVersion != null || asOf != null) view = await this.queries.at(actor, inventoryId, atVersion != null ? { version: atVersion } : { asOf: moment(asOf as string) });
    else {
      if (after) await awaitReadModel(this.service, parsePosition(after));
      view = await this.queries.current(actor, inventoryId);
    }
    return view ? toInventory(view) : null;
  }

  @ResolveField(() => [ReleaseTotalType], {
    description: `Totals in g TEQ/a (TEQ) or g/a (mass), grouped by: ${Object.keys(TOTAL_VIEWS).join(', ')} (nation = the Party total). Optionally one substance.`,
  })
  totals(
    @Parent() inventory: InventoryTypeWithTotals,
    @Args('by', { defaultValue: 'category' }) by: string,
    @Args('substance', { type: () => String, nullable: true }) substance?: string | null,
  ): ReleaseTotalType[] {
    if (!(by in TOTAL_VIEWS)) throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'by', `Group totals by one of: ${Object.keys(TOTAL_VIEWS).join(', ')}.`);
    return inventory.totalsByView[by as TotalView].filter((t) => !substance || t.substance === substance).map(toTotal);
  }
}

function moment(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'asOf', 'asOf is an ISO 8601 date-time, e.g. 2026-11-28T10:00:00Z.');
  return date;
}

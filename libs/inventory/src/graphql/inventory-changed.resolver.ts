import { Inject } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { withFilter } from 'graphql-subscriptions';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { InventoryQueries } from '../application/inventory-queries';
import { INVENTORY_READER_ROLES } from '../domain/inventory-access';
import { INVENTORY_CHANGED, InventoryChanges } from '../nest/inventory-changes';
import type { InventoryChangedNotice } from '../persistence/inventory.projection';
import { toInventory } from './inventory.mapper';
import { InventoryChangeType } from './inventory.types';

@Resolver()
export class InventoryChangedResolver {
  constructor(
    @Inject(InventoryChanges) private readonly changes: InventoryChanges,
    @Inject(InventoryQueries) private readonly queries: InventoryQueries,
  ) {}

  @Subscription(() => InventoryChangeType, {
    description: 'Every change of an inventory, with its new totals, once the read model shows it (for everyone viewing it).',
    resolve(this: InventoryChangedResolver, notice: InventoryChangedNotice, _args: unknown, context: { actor?: Actor }) {
      return this.payload(notice, context);
    },
  })
  @Access.roles(...INVENTORY_READER_ROLES)
  async inventoryChanged(@CurrentActor() actor: Actor, @Args('inventoryId') inventoryId: string): Promise<AsyncIterator<unknown>> {
    // Refuses another Party's inventory before anything is pushed.
    await this.queries.readableEvents(actor, inventoryId, { toVersion: 1 });
    const iterator = withFilter(
      () => this.changes.pubSub.asyncIterableIterator(INVENTORY_CHANGED),
      (notice: InventoryChangedNotice | undefined) => notice?.inventoryId === inventoryId,
    );
    return iterator(undefined as never, {}, {}, undefined as never) as AsyncIterator<unknown>;
  }

  private async payload(notice: InventoryChangedNotice, context: { actor?: Actor }): Promise<InventoryChangeType> {
    const actor = context.actor;
    const view = actor ? await this.queries.current(actor, notice.inventoryId) : undefined;
    return { inventoryId: notice.inventoryId, version: notice.version, eventTypes: notice.eventTypes, actor: notice.actor, inventory: view ? toInventory(view) : null };
  }
}

import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { AppendNotifier } from '@upops/event-store';
import type { InventoryChangedNotice } from '../persistence/inventory.projection';

export const INVENTORY_CHANGED = 'inventoryChanged';

/**
 * Turns the read model's change notifications (sent by the worker at commit) into GraphQL
 * subscription payloads in this process. A lost notification is not fatal: the next change
 * carries the newest totals.
 */
@Injectable()
export class InventoryChanges implements OnModuleInit, OnModuleDestroy {
  readonly pubSub = new PubSub<{ [INVENTORY_CHANGED]: InventoryChangedNotice }>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly notifier: AppendNotifier) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = this.notifier.subscribe((payload) => {
      if (!payload) return;
      void this.pubSub.publish(INVENTORY_CHANGED, JSON.parse(payload) as InventoryChangedNotice);
    });
    await this.notifier.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.notifier.stop();
  }
}

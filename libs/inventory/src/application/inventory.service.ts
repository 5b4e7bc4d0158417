import type { GlobalCheckpoint, SubscriptionCheckpoints } from '@upops/event-store';
import { type InventoryCaller, canEditInventoryOf } from '../domain/inventory-access';
import type { InventoryCommand, OpenInventory } from '../domain/inventory.commands';
import { InventoryError, InventoryErrorCode } from '../domain/inventory.errors';
import { isOpened } from '../domain/inventory.state';
import { INVENTORY_READ_MODEL } from '../persistence/inventory.projection';
import type { InventoryCommandHandler, InventoryEdit } from './inventory-commands.handler';

export type InventoryEditor = InventoryCaller & { accountId: string };

/** One inventory per Party and reference year: its id says which. */
export function inventoryIdOf(party: string, referenceYear: number): string {
  return `${party}-${referenceYear}`;
}

/**
 * The inventory's application service: checks that the caller may edit the Party's inventory,
 * runs the commands, and lets callers wait until the read model shows an edit.
 */
export class InventoryService {
  constructor(
    private readonly handler: InventoryCommandHandler,
    private readonly checkpoints: SubscriptionCheckpoints,
  ) {}

  async open(editor: InventoryEditor, command: Omit<OpenInventory, 'type' | 'inventoryId'>, commandId?: string | null): Promise<InventoryEdit> {
    if (!canEditInventoryOf(editor, command.party)) {
      throw new InventoryError(InventoryErrorCode.FORBIDDEN, 'party', `Only drafters and the national coordinator of ${command.party} may open its inventories.`);
    }
    const inventoryId = inventoryIdOf(command.party, command.referenceYear);
    return this.handler.execute(inventoryId, { type: 'OpenInventory', inventoryId, ...command }, editor, { commandId });
  }

  async edit(editor: InventoryEditor, inventoryId: string, command: InventoryCommand, commandId?: string | null): Promise<InventoryEdit> {
    await this.assertEditable(editor, inventoryId);
    return this.handler.execute(inventoryId, command, editor, { commandId });
  }

  /** Several commands as one edit (an import): all are written, or none. */
  async editAll(editor: InventoryEditor, inventoryId: string, commands: readonly InventoryCommand[], commandId?: string | null): Promise<InventoryEdit> {
    await this.assertEditable(editor, inventoryId);
    return this.handler.executeAll(inventoryId, commands, editor, { commandId });
  }

  /** Read your own writes: true once the read model shows `checkpoint`, false after `timeoutMs`. */
  waitForReadModel(checkpoint: GlobalCheckpoint, timeoutMs: number): Promise<boolean> {
    return this.checkpoints.waitUntilReached(INVENTORY_READ_MODEL, checkpoint, timeoutMs);
  }

  private async assertEditable(editor: InventoryEditor, inventoryId: string): Promise<void> {
    const state = await this.handler.load(inventoryId);
    if (!isOpened(state)) throw new InventoryError(InventoryErrorCode.INVENTORY_NOT_FOUND, 'inventoryId', `There is no inventory ${inventoryId}.`);
    if (!canEditInventoryOf(editor, state.party)) {
      throw new InventoryError(InventoryErrorCode.FORBIDDEN, 'inventoryId', `Only drafters and the national coordinator of ${state.party} may edit its inventory.`);
    }
  }
}

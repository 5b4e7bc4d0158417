import type { InventoryError } from '../domain/inventory.errors';

/** Some commands of a batch (an import) were refused: nothing of the batch was written. */
export class InventoryCommandsRejected extends Error {
  constructor(readonly rejections: readonly { index: number; error: InventoryError }[]) {
    super(`${rejections.length} of the commands were refused; nothing was written`);
    this.name = 'InventoryCommandsRejected';
  }
}

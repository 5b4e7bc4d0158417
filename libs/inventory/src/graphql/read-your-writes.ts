import { GraphQLError } from 'graphql';
import type { GlobalCheckpoint } from '@upops/event-store';
import type { InventoryService } from '../application/inventory.service';

/** How long a read waits for the worker to show an edit before telling the client to retry. */
export const READ_MODEL_WAIT_MS = 10_000;

/** "<transaction id>:<global position>": what a mutation returns and a query may wait for. */
export function formatPosition(checkpoint: GlobalCheckpoint): string {
  return `${checkpoint.transactionId}:${checkpoint.position}`;
}

export function parsePosition(text: string): GlobalCheckpoint {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  if (!match) throw new GraphQLError('A position is "<transaction>:<position>", as a mutation returned it.', { extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  return { transactionId: BigInt(match[1]), position: BigInt(match[2]) };
}

export async function awaitReadModel(service: InventoryService, checkpoint: GlobalCheckpoint): Promise<void> {
  if (await service.waitForReadModel(checkpoint, READ_MODEL_WAIT_MS)) return;
  throw new GraphQLError('The inventory read model has not reached this edit yet; retry shortly.', {
    extensions: { code: 'READ_MODEL_LAGGING', field: 'after', retryable: true },
  });
}

import type { PoolClient } from 'pg';
import { INVENTORY_STREAM_TYPE, type InventoryEventType } from '@upops/inventory';
import type { PostgresEventStore, RecordedEvent, SubscriptionHandler } from '@upops/event-store';
import { ReviewError } from '../domain/review.errors';
import { REVIEW_STREAM_TYPE, type ReviewEventType, reviewStreamId } from '../domain/review.events';
import type { ReviewCommandHandler } from './review-commands.handler';

export const APPROVAL_LAPSE_PROCESS = 'review-approval-lapses';

/** Inventory events that may move what an approval rests on. */
const CHANGES: ReadonlySet<InventoryEventType> = new Set<InventoryEventType>([
  'ActivityRecorded',
  'ActivityRevised',
  'ActivityRemoved',
  'EmissionFactorOverridden',
  'EmissionFactorOverrideWithdrawn',
  'CategoryMarkedNotOccurring',
  'CategoryUnmarked',
  'EditionSwitched',
]);

/**
 * Approvals, checked once more when given: an edit that landed between the reviewer reading the
 * inventory and the approval's append was handled before there was an approval to lapse.
 */
const APPROVALS: ReadonlySet<ReviewEventType> = new Set<ReviewEventType>(['SubjectApproved', 'InventoryApproved']);

/**
 * The workflow's reaction to edits: after an inventory changes, every approval of its review
 * whose basis moved lapses, with an event saying why. Appends go through the review handler
 * (not the checkpoint's transaction); deciding twice yields nothing the second time, so a replay
 * after a crash is harmless.
 */
export class ApprovalLapseProcess implements SubscriptionHandler {
  readonly name = APPROVAL_LAPSE_PROCESS;
  readonly streamTypes = [INVENTORY_STREAM_TYPE, REVIEW_STREAM_TYPE];

  constructor(
    private readonly reviews: ReviewCommandHandler,
    private readonly store: PostgresEventStore,
  ) {}

  async handle(events: readonly RecordedEvent[], _tx: PoolClient): Promise<void> {
    const touched = new Set(
      events
        .filter((e) => (e.streamType === INVENTORY_STREAM_TYPE ? CHANGES.has(e.type as InventoryEventType) : APPROVALS.has(e.type as ReviewEventType)))
        .map((e) => (e.data as { inventoryId: string }).inventoryId),
    );
    for (const inventoryId of touched) {
      if ((await this.store.streamVersion(reviewStreamId(inventoryId))) === 0) continue;
      try {
        await this.reviews.execute(inventoryId, { type: 'LapseApprovals' }, { kind: 'system', name: APPROVAL_LAPSE_PROCESS });
      } catch (error) {
        // A refusal (e.g. the inventory is gone) is no reason to stop the workflow; anything else retries.
        if (!(error instanceof ReviewError)) throw error;
      }
    }
  }
}

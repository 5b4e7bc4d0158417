import type { Pool } from 'pg';
import { withTransaction } from '@upops/database';
import { type AppendResult, type GlobalCheckpoint, type PostgresEventStore, type RecordedEvent, WrongExpectedVersion } from '@upops/event-store';
import {
  INVENTORY_STREAM_TYPE,
  type InventoryCommandHandler,
  type OpenedInventory,
  inventoryReleases,
  inventoryStreamId,
  isOpened,
} from '@upops/inventory';
import { decide } from '../domain/decide';
import { canReadReview, personOf } from '../domain/review-access';
import { runQaqc } from '../domain/qaqc/run-qaqc';
import type { QaqcFinding } from '../domain/qaqc/qaqc.types';
import type { ReviewActor, ReviewCommand, ReviewContext } from '../domain/review.commands';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';
import { REVIEW_STREAM_TYPE, type ReviewEvent, reviewStreamId } from '../domain/review.events';
import { evolve, initialReview, type ReviewState } from '../domain/review.state';
import { submissionSnapshot } from '../domain/submission-snapshot';
import { contentHash } from './content-hash';
import type { ReviewSources } from './review-context-source';

export interface ReviewOutcome {
  events: ReviewEvent[];
  state: ReviewState;
  inventory: OpenedInventory;
  checkpoint: GlobalCheckpoint | null;
  duplicate: boolean;
}

const MAX_ATTEMPTS = 20;

/** The snapshot's hash; a total too large for a number (lines of absurd magnitude) is the user's to fix, not a 500. */
function frozenHash(snapshot: unknown): string {
  try {
    return contentHash(snapshot);
  } catch (error) {
    throw new ReviewError(ReviewErrorCode.INVALID_INPUT, 'inventoryId', `The inventory cannot be frozen: ${(error as Error).message}. Check the activity rates' orders of magnitude.`);
  }
}

/** A person acts only on a review they may read; the workflow's own process acts on all. */
function requireReader(actor: ReviewActor, state: ReviewState): void {
  const person = personOf(actor);
  if (person && !canReadReview(person, state)) throw new ReviewError(ReviewErrorCode.FORBIDDEN, 'inventoryId', 'You may not act on this review.');
}

/** Rolls the submission's transaction back when its command id turns out to be a replay. */
class ReplayedInTransaction extends Error {
  constructor(readonly appended: AppendResult) {
    super('command replayed');
  }
}
const NEEDS_FINDINGS = new Set<ReviewCommand['type']>(['RequestReview', 'SubmitToSecretariat']);

/**
 * Runs review commands: read the inventory (through its handler) and the review stream, gather
 * what the decision needs (QA/QC findings, the frozen snapshot), decide, append. A submission and
 * a reopening also freeze or unfreeze the inventory: both streams are appended in one transaction,
 * the inventory at the version the snapshot was taken of, so no edit slips between them.
 */
export class ReviewCommandHandler {
  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly inventories: InventoryCommandHandler,
    private readonly sources: ReviewSources,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(inventoryId: string, command: ReviewCommand, actor: ReviewActor, options: { commandId?: string | null } = {}): Promise<ReviewOutcome> {
    const replay = await this.replay(inventoryId, actor, options.commandId);
    if (replay) return replay;
    for (let attempt = 1; ; attempt++) {
      const { state, inventory } = await this.load(inventoryId);
      // Outsiders are refused before QA/QC and the snapshot run on a review they may not read.
      requireReader(actor, state);
      const context = await this.contextFor(command, state, inventory, actor);
      const decision = decide(command, state, context);
      if (!decision.ok) throw decision.error;
      if (decision.events.length === 0) return { events: [], state, inventory, checkpoint: null, duplicate: false };
      try {
        const appended = await this.append(inventoryId, command, state, inventory, decision.events, actor, options.commandId ?? null);
        // The inventory moved between the snapshot and the freeze: decide again on the new one.
        if (appended === 'inventory-moved' && attempt < MAX_ATTEMPTS) continue;
        if (appended === 'inventory-moved') throw new ReviewError(ReviewErrorCode.BUSY, 'inventoryId', 'The inventory keeps changing; try again when editing pauses.');
        if (appended.duplicate) return (await this.replay(inventoryId, actor, options.commandId)) as ReviewOutcome;
        return { events: decision.events, state: decision.events.reduce(evolve, state), inventory, checkpoint: appended.checkpoint, duplicate: false };
      } catch (error) {
        // A concurrent retry of the same command may have landed first: answer it as a replay.
        const replay = error instanceof WrongExpectedVersion ? await this.replay(inventoryId, actor, options.commandId) : undefined;
        if (replay) return replay;
        if (error instanceof WrongExpectedVersion && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * A command id seen before is answered, not applied twice, but only to someone who may read this
   * review, and only when the id was used on this review: an id is no key to another Party's work.
   */
  private async replay(inventoryId: string, actor: ReviewActor, commandId: string | null | undefined): Promise<ReviewOutcome | undefined> {
    if (!commandId) return undefined;
    const earlier = await this.store.commandResult(commandId);
    if (!earlier) return undefined;
    if (earlier.streamId !== reviewStreamId(inventoryId)) {
      throw new ReviewError(ReviewErrorCode.INVALID_INPUT, 'commandId', 'This command id was used for another command; choose a new one.');
    }
    const { state, inventory } = await this.load(inventoryId);
    requireReader(actor, state);
    return { events: [], state, inventory, checkpoint: { transactionId: earlier.transactionId, position: earlier.lastPosition }, duplicate: true };
  }

  /** The review (its state and the events it was built from) and the inventory it is about, as they stand. */
  async load(inventoryId: string): Promise<{ state: ReviewState; inventory: OpenedInventory; events: RecordedEvent[] }> {
    const inventory = await this.inventories.load(inventoryId);
    if (!isOpened(inventory)) throw new ReviewError(ReviewErrorCode.INVENTORY_NOT_FOUND, 'inventoryId', `There is no inventory ${inventoryId}.`);
    const slice = await this.store.readStream(reviewStreamId(inventoryId));
    const state = slice.events.reduce((s, e) => evolve(s, e as unknown as ReviewEvent), initialReview(inventoryId, inventory.party));
    return { state, inventory, events: slice.events };
  }

  /** QA/QC findings on the inventory as it stands. */
  async findings(inventory: OpenedInventory): Promise<QaqcFinding[]> {
    const edition = await this.sources.edition(inventory.editionId);
    if (!edition) throw new ReviewError(ReviewErrorCode.INVALID_INPUT, 'editionId', `The catalogue has no edition ${inventory.editionId}.`);
    const releases = inventoryReleases(inventory, edition);
    const previous = await this.sources.previousInventory(inventory.party, inventory.referenceYear);
    return runQaqc({ inventory, releases, edition, annexC: this.sources.annexC(), previous }, this.sources.qaqcOptions);
  }

  private async contextFor(command: ReviewCommand, state: ReviewState, inventory: OpenedInventory, actor: ReviewActor): Promise<ReviewContext> {
    const edition = await this.sources.edition(inventory.editionId);
    const findings = NEEDS_FINDINGS.has(command.type) ? await this.findings(inventory) : [];
    const context: ReviewContext = {
      now: this.clock(),
      actor,
      inventory,
      categoryExists: (code) => Boolean(edition?.categories[code]),
      findings,
      resubmissionDeadline: this.sources.resubmissionDeadline(inventory.referenceYear),
    };
    if (command.type === 'SubmitToSecretariat' && edition) {
      const snapshot = submissionSnapshot({
        inventory,
        revision: state.revision,
        releases: inventoryReleases(inventory, edition),
        edition,
        tefScheme: this.sources.tefScheme(inventory.tefScheme),
        engineVersion: this.sources.engineVersion,
        findings,
        acknowledgements: command.acknowledgements
          .filter((a) => findings.some((f) => f.findingId === a.findingId && f.severity === 'warning') && a.comment.trim() !== '')
          .map((a) => ({ findingId: a.findingId, comment: a.comment.trim() })),
        approvals: [...Object.values(state.approvals), ...(state.inventoryApproval ? [state.inventoryApproval] : [])],
      });
      context.frozen = { snapshot, contentHash: frozenHash(snapshot) };
    }
    return context;
  }

  private async append(
    inventoryId: string,
    command: ReviewCommand,
    state: ReviewState,
    inventory: OpenedInventory,
    events: ReviewEvent[],
    actor: ReviewActor,
    commandId: string | null,
  ): Promise<{ checkpoint: GlobalCheckpoint; duplicate: boolean } | 'inventory-moved'> {
    const metadata = {
      actor: actor.kind === 'person' ? actor.accountId : `system:${actor.name}`,
      party: actor.kind === 'person' ? actor.organisation : state.party,
      commandId,
    };
    const reviewOptions = { streamType: REVIEW_STREAM_TYPE, expectedVersion: state.version === 0 ? ('no_stream' as const) : state.version, metadata };
    const submitted = events.find((e) => e.type === 'SubmittedToSecretariat');
    const inventoryCommand =
      submitted?.type === 'SubmittedToSecretariat'
        ? { type: 'SubmitInventory' as const, submissionId: submitted.data.receipt.submissionId }
        : command.type === 'ReopenSubmission'
          ? { type: 'ReopenInventory' as const, reason: command.reason }
          : undefined;
    if (!inventoryCommand) {
      const appended = await this.store.append(reviewStreamId(inventoryId), events, reviewOptions);
      return { checkpoint: { transactionId: appended.transactionId, position: appended.lastPosition }, duplicate: appended.duplicate };
    }
    const prepared = await this.inventories.prepare(inventoryId, inventoryCommand);
    if (prepared.expectedVersion !== inventory.version) return 'inventory-moved';
    const appended = await withTransaction(this.pool, async (tx) => {
      await this.store.append(inventoryStreamId(inventoryId), prepared.events, { streamType: INVENTORY_STREAM_TYPE, expectedVersion: prepared.expectedVersion, metadata: { ...metadata, commandId: null } }, tx);
      const review = await this.store.append(reviewStreamId(inventoryId), events, reviewOptions, tx);
      // The same command landed meanwhile: the inventory must not be frozen (or reopened) twice.
      if (review.duplicate) throw new ReplayedInTransaction(review);
      return review;
    }).catch((error: unknown) => {
      if (error instanceof ReplayedInTransaction) return error.appended;
      throw error;
    });
    if (!appended.duplicate) this.store.notifyAppended();
    return { checkpoint: { transactionId: appended.transactionId, position: appended.lastPosition }, duplicate: appended.duplicate };
  }
}

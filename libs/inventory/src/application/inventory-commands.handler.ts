import { type GlobalCheckpoint, type PostgresEventStore, WrongExpectedVersion } from '@upops/event-store';
import { decide } from '../domain/decide';
import type { CatalogueLookup, InventoryCommand } from '../domain/inventory.commands';
import { InventoryError, InventoryErrorCode } from '../domain/inventory.errors';
import { INVENTORY_STREAM_TYPE, type InventoryEvent, inventoryStreamId } from '../domain/inventory.events';
import { type InventoryState, NO_INVENTORY, evolve } from '../domain/inventory.state';
import { InventoryCommandsRejected } from './inventory-commands-rejected';

/** Who edits: the account and the organisation it acts for (a Party code or SECRETARIAT). */
export interface InventoryActor {
  accountId: string;
  organisation: string;
}

export interface InventoryEditOptions {
  /** A client-chosen id: a retry after a lost response is answered, not applied twice. */
  commandId?: string | null;
}

/** What an accepted edit produced: the new version and where the read models must reach to show it. */
export interface InventoryEdit {
  inventoryId: string;
  events: InventoryEvent[];
  state: InventoryState;
  version: number;
  checkpoint: GlobalCheckpoint;
  /** True when the command id had been applied before: nothing new was written. */
  duplicate: boolean;
}

/** The catalogue as the handler needs it before deciding (the catalogue service's memory). */
export type CatalogueLookupSource = () => Promise<CatalogueLookup>;

// 20 people typing into one inventory collide often; each retry re-reads only the new events.
const MAX_ATTEMPTS = 40;
const CACHED_INVENTORIES = 500;

/**
 * Runs inventory commands: read the stream (from a per-process cache, then only newer events),
 * decide, append with the version read. A stream version conflict means someone else's edit
 * landed first: the handler re-reads and decides again, so edits to different lines both land,
 * while an edit to the same line meets the decider's LINE_CONFLICT. Several commands (an import)
 * are decided in order and appended in one append: all of them or none.
 */
export class InventoryCommandHandler {
  private readonly cache = new Map<string, InventoryState>();
  /** The tail of each inventory's queue of edits in this process. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: PostgresEventStore,
    private readonly catalogue: CatalogueLookupSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(inventoryId: string, command: InventoryCommand, actor: InventoryActor, options: InventoryEditOptions = {}): Promise<InventoryEdit> {
    try {
      return await this.executeAll(inventoryId, [command], actor, options);
    } catch (error) {
      if (error instanceof InventoryCommandsRejected) throw error.rejections[0].error;
      throw error;
    }
  }

  /**
   * Decides every command in order against the state the previous ones leave; rejects with every
   * refusal. Edits of one inventory in this process take turns (they would only collide on the
   * stream version and retry); edits from other processes are still met by the retry.
   */
  executeAll(inventoryId: string, commands: readonly InventoryCommand[], actor: InventoryActor, options: InventoryEditOptions = {}): Promise<InventoryEdit> {
    const previous = this.queues.get(inventoryId) ?? Promise.resolve();
    const run = previous.then(
      () => this.decideAndAppend(inventoryId, commands, actor, options),
      () => this.decideAndAppend(inventoryId, commands, actor, options),
    );
    const tail = run.catch(() => undefined);
    this.queues.set(inventoryId, tail);
    void tail.then(() => {
      if (this.queues.get(inventoryId) === tail) this.queues.delete(inventoryId);
    });
    return run;
  }

  private async decideAndAppend(inventoryId: string, commands: readonly InventoryCommand[], actor: InventoryActor, options: InventoryEditOptions = {}): Promise<InventoryEdit> {
    if (commands.length === 0) throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'commands', 'Nothing to apply: no command was given.');
    const streamId = inventoryStreamId(inventoryId);
    if (options.commandId) {
      const earlier = await this.store.commandResult(options.commandId);
      if (earlier) return { inventoryId, events: [], state: await this.load(inventoryId), version: earlier.nextExpectedVersion, checkpoint: checkpointOf(earlier), duplicate: true };
    }
    for (let attempt = 1; ; attempt++) {
      const before = await this.load(inventoryId);
      const context = { now: this.clock(), catalogue: await this.catalogue() };
      const events: InventoryEvent[] = [];
      const rejections: { index: number; error: InventoryError }[] = [];
      let state = before;
      commands.forEach((command, index) => {
        const decision = decide(command, state, context);
        if (!decision.ok) {
          rejections.push({ index, error: decision.error });
          return;
        }
        events.push(...decision.events);
        state = decision.events.reduce(evolve, state);
      });
      if (rejections.length) throw new InventoryCommandsRejected(rejections);
      try {
        const appended = await this.store.append(streamId, events, {
          streamType: INVENTORY_STREAM_TYPE,
          expectedVersion: before.version === 0 ? 'no_stream' : before.version,
          metadata: { actor: actor.accountId, party: actor.organisation, commandId: options.commandId ?? null },
        });
        if (!appended.duplicate) this.remember(inventoryId, state);
        return { inventoryId, events, state, version: appended.nextExpectedVersion, checkpoint: checkpointOf(appended), duplicate: appended.duplicate };
      } catch (error) {
        if (error instanceof WrongExpectedVersion && attempt < MAX_ATTEMPTS) {
          await pause(attempt);
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Decides one command without appending it: for a context that appends the events together with
   * its own in one transaction (review freezes the inventory as it records a submission). The
   * caller appends with `expectedVersion`; a clash means the inventory changed, and it decides again.
   */
  async prepare(inventoryId: string, command: InventoryCommand): Promise<{ events: InventoryEvent[]; expectedVersion: number; state: InventoryState }> {
    const before = await this.load(inventoryId);
    const decision = decide(command, before, { now: this.clock(), catalogue: await this.catalogue() });
    if (!decision.ok) throw decision.error;
    return { events: decision.events, expectedVersion: before.version, state: decision.events.reduce(evolve, before) };
  }

  /** The inventory's current state: the cached one brought up to date with the events after it. */
  async load(inventoryId: string): Promise<InventoryState> {
    const cached = this.cache.get(inventoryId) ?? NO_INVENTORY;
    const slice = await this.store.readStream(inventoryStreamId(inventoryId), { fromVersion: cached.version + 1 });
    if (slice.events.length === 0) return cached;
    const state = slice.events.reduce((s, e) => evolve(s, e as unknown as InventoryEvent), cached);
    this.remember(inventoryId, state);
    return state;
  }

  private remember(inventoryId: string, state: InventoryState): void {
    const known = this.cache.get(inventoryId);
    if (known && known.version > state.version) return;
    this.cache.delete(inventoryId);
    this.cache.set(inventoryId, state);
    if (this.cache.size > CACHED_INVENTORIES) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function checkpointOf(appended: { transactionId: bigint; lastPosition: bigint }): GlobalCheckpoint {
  return { transactionId: appended.transactionId, position: appended.lastPosition };
}

/** A short random pause, growing with the attempts, so colliding writers spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 * attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import type { Pool } from 'pg';
import { type PostgresEventStore, WrongExpectedVersion } from '@upops/event-store';
import type { CatalogueCommand } from '../domain/catalogue.commands';
import { CatalogueError } from '../domain/catalogue.errors';
import { CATALOGUE_STREAM_ID, CATALOGUE_STREAM_TYPE, type CatalogueEvent } from '../domain/catalogue.events';
import { type CatalogueState, type EditionState, initialCatalogueState } from '../domain/catalogue.state';
import { decide } from '../domain/decide';
import { evolve } from '../domain/evolve';

export interface CatalogueActor {
  accountId: string;
  organisation: string;
}

const MAX_ATTEMPTS = 5;

/**
 * The catalogue's command handler and its read side. The catalogue is small (one stream, a
 * few thousand events), so each process keeps its state in memory and catches up from the
 * stream before answering: reads cost one indexed query when nothing changed.
 */
export class CatalogueService {
  private state: CatalogueState = initialCatalogueState;
  private version = 0;
  private catchingUp: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The catalogue as of the latest committed event. */
  async current(): Promise<CatalogueState> {
    await this.catchUp();
    return this.state;
  }

  async edition(editionId: string): Promise<EditionState | undefined> {
    return (await this.current()).editions[editionId];
  }

  /** Decides and appends one command; a concurrent expert edit is retried on fresh state. */
  async execute(command: CatalogueCommand, actor: CatalogueActor | undefined, commandId?: string): Promise<CatalogueEvent[]> {
    for (let attempt = 1; ; attempt++) {
      const state = await this.current();
      const version = this.version;
      const decision = decide(command, state, this.clock());
      if (!decision.ok) throw decision.error;
      try {
        await this.store.append(CATALOGUE_STREAM_ID, decision.events, {
          streamType: CATALOGUE_STREAM_TYPE,
          expectedVersion: version === 0 ? 'no_stream' : version,
          metadata: { actor: actor?.accountId ?? 'platform', party: actor?.organisation ?? null, commandId: commandId ?? null },
        });
        return decision.events;
      } catch (error) {
        if (error instanceof WrongExpectedVersion && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private catchUp(): Promise<void> {
    // Concurrent readers share one catch-up rather than each reading the stream.
    this.catchingUp ??= this.readNewEvents().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async readNewEvents(): Promise<void> {
    const head = await this.store.streamVersion(CATALOGUE_STREAM_ID);
    if (head === this.version) return;
    const slice = await this.store.readStream(CATALOGUE_STREAM_ID, { fromVersion: this.version + 1 });
    let state = this.state;
    for (const event of slice.events) state = evolve(state, event as unknown as CatalogueEvent);
    this.state = state;
    this.version = slice.version || this.version;
  }
}

export { CatalogueError };

import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '@upops/database';
import { type EventMetadata, type PostgresEventStore, WrongExpectedVersion } from '@upops/event-store';
import { decide } from '../domain/decide';
import type { MembershipCommand, MembershipContext } from '../domain/membership.commands';
import { MEMBERSHIP_STREAM_TYPE, type MembershipEvent, membershipStreamId } from '../domain/membership.events';
import { EMPTY_MEMBERSHIP, evolve, type MembershipState } from '../domain/membership.state';
import { projectMembers } from '../persistence/members.projection';

const MAX_ATTEMPTS = 5;

/**
 * Runs one membership command: read the organisation's stream, decide, append with the
 * version read, update the members read model and whatever `alsoWrite` needs, in one
 * transaction. A concurrent edit of the same organisation is retried with fresh state.
 */
export class MembershipCommandHandler {
  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
  ) {}

  async execute(
    command: MembershipCommand,
    context: MembershipContext,
    metadata: Omit<EventMetadata, 'actor'>,
    alsoWrite?: (tx: PoolClient, events: MembershipEvent[], state: MembershipState) => Promise<void>,
  ): Promise<{ events: MembershipEvent[]; state: MembershipState }> {
    const streamId = membershipStreamId(context.organisation);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await withTransaction(this.pool, async (tx) => {
          const slice = await this.store.readStream(streamId, {}, tx);
          const before = slice.events.reduce((state, e) => evolve(state, e as unknown as MembershipEvent), EMPTY_MEMBERSHIP);
          const events = decide(command, before, context);
          const after = events.reduce(evolve, before);
          await this.store.append(
            streamId,
            events,
            {
              streamType: MEMBERSHIP_STREAM_TYPE,
              expectedVersion: slice.version === 0 ? 'no_stream' : slice.version,
              metadata: { ...metadata, actor: context.actor?.accountId ?? 'platform', party: context.organisation },
            },
            tx,
          );
          await projectMembers(tx, context.organisation, events, after);
          await alsoWrite?.(tx, events, after);
          return { events, state: after };
        });
        this.store.notifyAppended();
        return result;
      } catch (error) {
        if (error instanceof WrongExpectedVersion && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  async state(organisation: string): Promise<MembershipState> {
    const slice = await this.store.readStream(membershipStreamId(organisation));
    return slice.events.reduce((state, e) => evolve(state, e as unknown as MembershipEvent), EMPTY_MEMBERSHIP);
  }
}

import type { ReviewCommand, ReviewPerson } from '../domain/review.commands';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';
import { reviewSeenBy } from '../domain/review-access';
import type { ReviewCommandHandler, ReviewOutcome } from './review-commands.handler';
import type { ReviewReader } from './review-queries';

/** Finds a person by account id (the identity context's member directory). */
export type PeopleDirectory = (accountId: string) => Promise<ReviewPerson | undefined>;

/** The api's entry to review commands: people named by id are looked up before deciding. */
export class ReviewService {
  constructor(
    private readonly handler: ReviewCommandHandler,
    private readonly people: PeopleDirectory,
  ) {}

  /** Runs the command; the review it answers with is the one the actor may see. */
  async execute(actor: ReviewReader, inventoryId: string, command: ReviewCommand, commandId?: string | null): Promise<ReviewOutcome> {
    const outcome = await this.handler.execute(inventoryId, command, { kind: 'person', accountId: actor.accountId, organisation: actor.organisation, roles: actor.roles }, { commandId });
    return { ...outcome, state: reviewSeenBy(actor, outcome.state) };
  }

  /** Names for people, as far as the directory knows them: a courtesy, never an error. */
  async names(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const found = await Promise.all(accountIds.filter((id) => !id.startsWith('system:')).map(async (id) => [id, (await this.people(id).catch(() => undefined))?.displayName] as const));
    return new Map(found.filter((entry): entry is readonly [string, string] => Boolean(entry[1])));
  }

  /** The people behind account ids; an unknown id is a typed error naming the field. */
  async persons(accountIds: readonly string[], field: string): Promise<ReviewPerson[]> {
    const found = await Promise.all([...new Set(accountIds)].map(async (id) => [id, await this.people(id)] as const));
    const unknown = found.filter(([, person]) => !person).map(([id]) => id);
    if (unknown.length) throw new ReviewError(ReviewErrorCode.INVALID_INPUT, field, `No account ${unknown.join(', ')}.`);
    return found.map(([, person]) => person as ReviewPerson);
  }
}

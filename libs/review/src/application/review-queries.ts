import type { Pool } from 'pg';
import type { OpenedInventory } from '@upops/inventory';
import type { PostgresEventStore, RecordedEvent } from '@upops/event-store';
import { approvalsNotStanding, linesNotApproved } from '../domain/approval-standing';
import type { QaqcFinding } from '../domain/qaqc/qaqc.types';
import { canReadReview, readsEveryReview, reviewSeenBy, seesHeldQuestions } from '../domain/review-access';
import { type ReviewHistoryEntry, reviewHistoryEntry, threadsNeverReleased } from '../domain/review-history';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';
import { type ReviewEvent, reviewStreamId } from '../domain/review.events';
import type { ReviewState } from '../domain/review.state';
import type { SubmissionReceipt } from '../domain/review.types';
import type { SubmissionSnapshot } from '../domain/submission-snapshot';
import { contentHash } from './content-hash';
import type { ReviewCommandHandler } from './review-commands.handler';

/** The caller, structurally (an identity `Actor` fits). */
export interface ReviewReader {
  accountId: string;
  organisation: string;
  roles: readonly string[];
}

export interface ReviewView {
  state: ReviewState;
  inventory: OpenedInventory;
  /** Approvals that no longer count, with why (recorded lapses and changes not yet recorded). */
  notStanding: { subject: ReviewState['approvals'][string]['subject']; why: string }[];
  linesNotApproved: string[];
}

export interface ReviewSummary {
  inventoryId: string;
  party: string;
  status: string;
  revision: number;
  round: number;
  openThreads: number;
  reviewerIds: string[];
  updatedAt: string;
}

export interface NotificationView {
  notificationId: string;
  inventoryId: string;
  kind: string;
  message: string;
  threadId: string | null;
  actor: string;
  createdAt: string;
  readAt: string | null;
}

export interface SubmissionVerification {
  submissionId: string;
  receiptHash: string;
  /** The hash of the snapshot as the event store holds it (append-only). */
  eventStoreHash: string;
  /** The hash of the snapshot as the read model serves it. */
  readModelHash: string;
  verified: boolean;
}

export function reviewView(state: ReviewState, inventory: OpenedInventory): ReviewView {
  return {
    state,
    inventory,
    notStanding: approvalsNotStanding(state, inventory).map((n) => ({ subject: n.approval.subject, why: n.why })),
    linesNotApproved: linesNotApproved(state, inventory),
  };
}

/** The read side of review. Every method checks the caller first. */
export class ReviewQueries {
  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly handler: ReviewCommandHandler,
  ) {}

  async review(reader: ReviewReader, inventoryId: string): Promise<ReviewView> {
    const { state, inventory } = await this.readable(reader, inventoryId);
    return reviewView(state, inventory);
  }

  /**
   * The review's timeline, oldest first: who asked, assigned, asked questions, approved, what
   * lapsed and why, submissions. Held questions never let through stay the reviewers' own.
   */
  async history(reader: ReviewReader, inventoryId: string, names?: (ids: string[]) => Promise<ReadonlyMap<string, string>>): Promise<ReviewHistoryEntry[]> {
    const { state, events: recorded } = await this.readable(reader, inventoryId);
    const events = recorded.map((e) => e as unknown as ReviewEvent);
    const hidden = seesHeldQuestions(reader, state) ? new Set<string>() : threadsNeverReleased(events);
    const visible = recorded.filter((_, i) => !isOnThread(events[i], hidden));
    const people = names ? await names([...new Set(visible.flatMap((e) => [e.metadata.actor, ...namedIn(e as unknown as ReviewEvent)]))]) : new Map<string, string>();
    return visible.map((e) => reviewHistoryEntry(e as unknown as ReviewEvent, { actor: e.metadata.actor, names: people, at: e.recordedAt, version: e.streamVersion }));
  }

  /** QA/QC on the inventory as it stands: what a request for review or a submission would meet. */
  async qaqc(reader: ReviewReader, inventoryId: string): Promise<QaqcFinding[]> {
    const { inventory } = await this.readable(reader, inventoryId);
    return this.handler.findings(inventory);
  }

  /** Reviews the caller takes part in: assigned ones, their Party's, or (Secretariat) all. */
  async reviews(reader: ReviewReader): Promise<ReviewSummary[]> {
    const { rows } = await this.pool.query<{ inventory_id: string; party: string; status: string; revision: number; round: number; open_threads: number; reviewer_ids: string[]; updated_at: Date }>(
      `SELECT inventory_id, party, status, revision, round, open_threads, reviewer_ids, updated_at FROM rv_reviews
       WHERE $1 = ANY (reviewer_ids) OR $2 OR (party = $3 AND $4) ORDER BY updated_at DESC`,
      [reader.accountId, readsEveryReview(reader), reader.organisation, reader.roles.some((r) => ['drafter', 'national_coordinator', 'observer'].includes(r))],
    );
    return rows.map((r) => ({
      inventoryId: r.inventory_id,
      party: r.party,
      status: r.status,
      revision: r.revision,
      round: r.round,
      openThreads: r.open_threads,
      reviewerIds: r.reviewer_ids,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  async notifications(reader: ReviewReader, options: { unreadOnly: boolean; limit: number }): Promise<NotificationView[]> {
    const { rows } = await this.pool.query<{ notification_id: string; inventory_id: string; kind: string; message: string; thread_id: string | null; actor: string; created_at: Date; read_at: Date | null }>(
      `SELECT * FROM rv_notifications WHERE recipient = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC, notification_id LIMIT $3`,
      [reader.accountId, options.unreadOnly, Math.min(Math.max(options.limit, 1), 200)],
    );
    return rows.map(notificationOfRow);
  }

  async notification(reader: ReviewReader, notificationId: string): Promise<NotificationView | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM rv_notifications WHERE recipient = $1 AND notification_id = $2', [reader.accountId, notificationId]);
    return rows[0] ? notificationOfRow(rows[0]) : undefined;
  }

  /** Marks the caller's own notifications read; returns how many changed. */
  async markRead(reader: ReviewReader, notificationIds: readonly string[]): Promise<number> {
    const { rowCount } = await this.pool.query('UPDATE rv_notifications SET read_at = now() WHERE recipient = $1 AND notification_id = ANY ($2) AND read_at IS NULL', [
      reader.accountId,
      notificationIds,
    ]);
    return rowCount ?? 0;
  }

  async submissions(reader: ReviewReader, party: string | null): Promise<(SubmissionReceipt & { supersededBy: string | null })[]> {
    const scope = readsEveryReview(reader) ? party : reader.organisation;
    if (party && scope !== party) throw forbidden(party);
    const { rows } = await this.pool.query(
      `SELECT submission_id, inventory_id, party, reference_year, revision, submitted_at, submitted_by, content_hash, supersedes, superseded_by
       FROM rv_submissions WHERE ($1::text IS NULL OR party = $1) ORDER BY party, reference_year, submitted_at`,
      [scope],
    );
    return rows.map(receiptOfRow);
  }

  async submission(reader: ReviewReader, submissionId: string): Promise<{ receipt: SubmissionReceipt & { supersededBy: string | null }; snapshot: SubmissionSnapshot }> {
    const { rows } = await this.pool.query('SELECT * FROM rv_submissions WHERE submission_id = $1', [submissionId]);
    const row = rows[0];
    if (!row) throw new ReviewError(ReviewErrorCode.SUBMISSION_NOT_FOUND, 'submissionId', `There is no submission ${submissionId}.`);
    if (!readsEveryReview(reader) && reader.organisation !== row.party) throw forbidden(submissionId);
    return { receipt: receiptOfRow(row), snapshot: row.snapshot as SubmissionSnapshot };
  }

  /** Recomputes the hash of the frozen snapshot from the event store and from the read model. */
  async verify(reader: ReviewReader, submissionId: string): Promise<SubmissionVerification> {
    const { receipt, snapshot } = await this.submission(reader, submissionId);
    const slice = await this.store.readStream(reviewStreamId(receipt.inventoryId));
    const recorded = slice.events
      .map((e) => e as unknown as ReviewEvent)
      .find((e) => e.type === 'SubmittedToSecretariat' && e.data.receipt.submissionId === submissionId);
    if (!recorded || recorded.type !== 'SubmittedToSecretariat') {
      throw new ReviewError(ReviewErrorCode.SUBMISSION_NOT_FOUND, 'submissionId', `The event store holds no submission ${submissionId}.`);
    }
    const eventStoreHash = contentHash(recorded.data.snapshot);
    const readModelHash = contentHash(snapshot);
    const receiptHash = recorded.data.receipt.contentHash;
    return { submissionId, receiptHash, eventStoreHash, readModelHash, verified: receiptHash === eventStoreHash && receiptHash === readModelHash && receipt.contentHash === receiptHash };
  }

  private async readable(reader: ReviewReader, inventoryId: string): Promise<{ state: ReviewState; inventory: OpenedInventory; events: RecordedEvent[] }> {
    const loaded = await this.handler.load(inventoryId);
    if (!canReadReview(reader, loaded.state)) throw forbidden(inventoryId);
    return { ...loaded, state: reviewSeenBy(reader, loaded.state) };
  }
}

function isOnThread(event: ReviewEvent, threadIds: ReadonlySet<string>): boolean {
  return 'threadId' in event.data && threadIds.has(event.data.threadId as string);
}

/** Account ids an event names besides its actor, for the timeline's names. */
function namedIn(event: ReviewEvent): string[] {
  if (event.type === 'ReviewerUnassigned') return [event.data.accountId];
  if (event.type === 'LeadReviewerSet') return event.data.accountId ? [event.data.accountId] : [];
  if (event.type === 'ThreadResolutionProposed') return [event.data.lead];
  if (event.type === 'ApprovalLapsed') return [event.data.approvedBy];
  return [];
}

function forbidden(what: string): ReviewError {
  return new ReviewError(ReviewErrorCode.FORBIDDEN, 'inventoryId', `You may not read ${what}: it is neither your Party's nor assigned to you.`);
}

function notificationOfRow(r: { notification_id: string; inventory_id: string; kind: string; message: string; thread_id: string | null; actor: string; created_at: Date; read_at: Date | null }): NotificationView {
  return {
    notificationId: r.notification_id,
    inventoryId: r.inventory_id,
    kind: r.kind,
    message: r.message,
    threadId: r.thread_id,
    actor: r.actor,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}

function receiptOfRow(r: Record<string, unknown>): SubmissionReceipt & { supersededBy: string | null } {
  return {
    submissionId: r.submission_id as string,
    inventoryId: r.inventory_id as string,
    party: r.party as string,
    referenceYear: r.reference_year as number,
    revision: r.revision as number,
    submittedAt: (r.submitted_at as Date).toISOString(),
    submittedBy: r.submitted_by as string,
    contentHash: r.content_hash as string,
    supersedes: (r.supersedes as string | null) ?? null,
    supersededBy: (r.superseded_by as string | null) ?? null,
  };
}

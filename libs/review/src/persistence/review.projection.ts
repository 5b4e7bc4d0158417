import type { PoolClient } from 'pg';
import type { RecordedEvent, SubscriptionHandler } from '@upops/event-store';
import { REVIEW_STREAM_TYPE, type ReviewEvent } from '../domain/review.events';
import { evolve, initialReview, openThreads, type ReviewState } from '../domain/review.state';
import { notificationsOf } from './notifications-of';

export const REVIEW_READ_MODEL = 'review-read-model';
/** pg_notify channel: a notification was written (payload: { recipient, notificationId }). */
export const REVIEW_NOTIFICATION_CHANNEL = 'upops_review_notification';

export interface NotificationNotice {
  recipient: string;
  notificationId: string;
}

/** Keeps rv_reviews, rv_notifications and rv_submissions in step with the review streams. */
export class ReviewProjection implements SubscriptionHandler {
  readonly name = REVIEW_READ_MODEL;
  readonly streamTypes = [REVIEW_STREAM_TYPE];

  async handle(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.project(event, tx);
  }

  async reset(tx: PoolClient): Promise<void> {
    // TRUNCATE: the frozen-submission trigger refuses row deletes, on purpose, outside a rebuild.
    await tx.query('TRUNCATE rv_reviews, rv_notifications, rv_submissions');
  }

  private async project(recorded: RecordedEvent, tx: PoolClient): Promise<void> {
    const event = recorded as unknown as ReviewEvent & { streamVersion: number };
    const { inventoryId, party } = event.data;
    const { rows } = await tx.query<{ state: ReviewState }>('SELECT state FROM rv_reviews WHERE inventory_id = $1', [inventoryId]);
    // Stored states from before a field existed take its initial value.
    const before = { ...initialReview(inventoryId, party), ...rows[0]?.state };
    // After a crash between batches an event may come again; the stream version tells.
    if (recorded.streamVersion <= before.version) return;
    const after = evolve(before, event);
    // open_threads is read by the Party too: questions held for the lead are not counted.
    await tx.query(
      `INSERT INTO rv_reviews (inventory_id, party, status, revision, round, reviewer_ids, open_threads, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (inventory_id) DO UPDATE SET status = EXCLUDED.status, revision = EXCLUDED.revision, round = EXCLUDED.round,
         reviewer_ids = EXCLUDED.reviewer_ids, open_threads = EXCLUDED.open_threads, state = EXCLUDED.state, version = EXCLUDED.version,
         updated_at = EXCLUDED.updated_at`,
      [inventoryId, party, after.status, after.revision, after.round, Object.keys(after.reviewers).sort(), openThreads(after).filter((t) => !t.held).length, JSON.stringify(after), after.version, recorded.recordedAt],
    );
    if (event.type === 'SubmittedToSecretariat') await this.freeze(event.data, tx);
    for (const note of notificationsOf(event, recorded.metadata.actor, before)) {
      const notificationId = `${recorded.eventId}:${note.recipient}`;
      await tx.query(
        `INSERT INTO rv_notifications (notification_id, recipient, inventory_id, kind, message, thread_id, actor, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (notification_id) DO NOTHING`,
        [notificationId, note.recipient, inventoryId, note.kind, note.message, note.threadId, recorded.metadata.actor, recorded.recordedAt],
      );
      await tx.query('SELECT pg_notify($1, $2)', [REVIEW_NOTIFICATION_CHANNEL, JSON.stringify({ recipient: note.recipient, notificationId } satisfies NotificationNotice)]);
    }
  }

  private async freeze(data: Extract<ReviewEvent, { type: 'SubmittedToSecretariat' }>['data'], tx: PoolClient): Promise<void> {
    const r = data.receipt;
    await tx.query(
      `INSERT INTO rv_submissions (submission_id, inventory_id, party, reference_year, revision, submitted_at, submitted_by, content_hash, supersedes, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (submission_id) DO NOTHING`,
      [r.submissionId, r.inventoryId, r.party, r.referenceYear, r.revision, r.submittedAt, r.submittedBy, r.contentHash, r.supersedes, JSON.stringify(data.snapshot)],
    );
    if (r.supersedes) await tx.query('UPDATE rv_submissions SET superseded_by = $1 WHERE submission_id = $2', [r.submissionId, r.supersedes]);
  }
}

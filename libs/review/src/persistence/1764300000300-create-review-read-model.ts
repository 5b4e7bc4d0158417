import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review read models, written only by the worker's `review-read-model` projection: one row
 * per review (for "assigned to me" and the Secretariat's overview), the people's notifications,
 * and the submissions to the Secretariat with their frozen snapshots. A submission row can never
 * change what it states: the database refuses updates of its snapshot, hash or receipt, and deletes.
 */
export class CreateReviewReadModel1764300000300 implements MigrationInterface {
  name = 'CreateReviewReadModel1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rv_reviews (
        inventory_id  text PRIMARY KEY,
        party         text NOT NULL,
        status        text NOT NULL,
        revision      integer NOT NULL,
        round         integer NOT NULL,
        reviewer_ids  text[] NOT NULL,
        open_threads  integer NOT NULL,
        state         jsonb NOT NULL,
        version       integer NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX rv_reviews_reviewers ON rv_reviews USING gin (reviewer_ids)');
    await q.query(`
      CREATE TABLE rv_notifications (
        notification_id text PRIMARY KEY,
        recipient       text NOT NULL,
        inventory_id    text NOT NULL,
        kind            text NOT NULL,
        message         text NOT NULL,
        thread_id       text,
        actor           text NOT NULL,
        created_at      timestamptz NOT NULL,
        read_at         timestamptz
      )`);
    await q.query('CREATE INDEX rv_notifications_recipient ON rv_notifications (recipient, created_at DESC)');
    await q.query(`
      CREATE TABLE rv_submissions (
        submission_id  text PRIMARY KEY,
        inventory_id   text NOT NULL,
        party          text NOT NULL,
        reference_year integer NOT NULL,
        revision       integer NOT NULL,
        submitted_at   timestamptz NOT NULL,
        submitted_by   text NOT NULL,
        content_hash   text NOT NULL,
        supersedes     text,
        superseded_by  text,
        snapshot       jsonb NOT NULL
      )`);
    await q.query('CREATE INDEX rv_submissions_party ON rv_submissions (party, reference_year)');
    await q.query(`
      CREATE FUNCTION rv_submissions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'submission % is frozen: it cannot be deleted', OLD.submission_id USING ERRCODE = 'restrict_violation';
        END IF;
        IF (NEW.submission_id, NEW.inventory_id, NEW.party, NEW.reference_year, NEW.revision, NEW.submitted_at, NEW.submitted_by,
            NEW.content_hash, NEW.supersedes, NEW.snapshot)
           IS DISTINCT FROM
           (OLD.submission_id, OLD.inventory_id, OLD.party, OLD.reference_year, OLD.revision, OLD.submitted_at, OLD.submitted_by,
            OLD.content_hash, OLD.supersedes, OLD.snapshot) THEN
          RAISE EXCEPTION 'submission % is frozen: only superseded_by may be set', OLD.submission_id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER rv_submissions_frozen BEFORE UPDATE OR DELETE ON rv_submissions FOR EACH ROW EXECUTE FUNCTION rv_submissions_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rv_submissions');
    await q.query('DROP FUNCTION rv_submissions_frozen()');
    await q.query('DROP TABLE rv_notifications');
    await q.query('DROP TABLE rv_reviews');
  }
}

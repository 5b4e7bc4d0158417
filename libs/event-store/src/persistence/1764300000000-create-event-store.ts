import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store's tables, its append function and the guards that keep it append-only.
 *
 * Global order is (transaction_id, global_position): a sequence value is taken before its
 * transaction commits, so positions alone can become visible out of order. Readers only
 * look at events of transactions older than the oldest transaction still running
 * (pg_snapshot_xmin), and order by transaction id first, so no late commit is ever skipped.
 */
export class CreateEventStore1764300000000 implements MigrationInterface {
  name = 'CreateEventStore1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_streams (
        stream_id   text PRIMARY KEY,
        stream_type text NOT NULL,
        version     bigint NOT NULL CHECK (version > 0)
      )`);
    await q.query(`
      CREATE TABLE es_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid NOT NULL UNIQUE,
        stream_id       text NOT NULL,
        stream_type     text NOT NULL,
        stream_version  bigint NOT NULL CHECK (stream_version > 0),
        event_type      text NOT NULL,
        schema_version  integer NOT NULL CHECK (schema_version > 0),
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT es_events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await q.query(`CREATE INDEX es_events_global_order ON es_events (transaction_id, global_position)`);
    await q.query(`
      CREATE TABLE es_commands (
        command_id  text PRIMARY KEY,
        stream_id   text NOT NULL,
        result      jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE es_subscriptions (
        name            text PRIMARY KEY,
        last_transaction_id xid8 NOT NULL DEFAULT '0'::xid8,
        last_position   bigint NOT NULL DEFAULT 0,
        processed_count bigint NOT NULL DEFAULT 0,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);

    // Append-only: the database itself refuses to change or remove an event.
    await q.query(`
      CREATE FUNCTION es_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'es_events is append-only: % refused', TG_OP USING ERRCODE = 'ES403';
      END $$`);
    await q.query(`
      CREATE TRIGGER es_events_append_only BEFORE UPDATE OR DELETE ON es_events
      FOR EACH ROW EXECUTE FUNCTION es_reject_change()`);
    await q.query(`
      CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
      FOR EACH STATEMENT EXECUTE FUNCTION es_reject_change()`);

    // One round trip per append: idempotency, expected-version check, version bump and
    // insert in one statement. A wrong expected version raises ES409 with the actual version.
    await q.query(`
      CREATE FUNCTION es_append(
        p_stream_id text, p_stream_type text, p_expected_kind text, p_expected_version bigint,
        p_command_id text, p_events jsonb)
      RETURNS TABLE (next_expected_version bigint, first_position bigint, last_position bigint,
                     transaction_id text, duplicate boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_count bigint := jsonb_array_length(p_events);
        v_new bigint;
        v_actual bigint;
        v_first bigint;
        v_last bigint;
        v_result jsonb;
      BEGIN
        IF v_count = 0 THEN
          RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'ES400';
        END IF;
        IF p_command_id IS NOT NULL THEN
          INSERT INTO es_commands (command_id, stream_id) VALUES (p_command_id, p_stream_id)
          ON CONFLICT DO NOTHING;
          IF NOT FOUND THEN
            SELECT c.result INTO v_result FROM es_commands c WHERE c.command_id = p_command_id;
            RETURN QUERY SELECT (v_result->>'nextExpectedVersion')::bigint,
              (v_result->>'firstPosition')::bigint, (v_result->>'lastPosition')::bigint,
              v_result->>'transactionId', true;
            RETURN;
          END IF;
        END IF;

        IF p_expected_kind = 'no_stream' THEN
          INSERT INTO es_streams AS s (stream_id, stream_type, version)
          VALUES (p_stream_id, p_stream_type, v_count)
          ON CONFLICT (stream_id) DO NOTHING
          RETURNING s.version INTO v_new;
        ELSIF p_expected_kind = 'exact' THEN
          UPDATE es_streams AS s SET version = s.version + v_count
          WHERE s.stream_id = p_stream_id AND s.version = p_expected_version
          RETURNING s.version INTO v_new;
        ELSIF p_expected_kind = 'any' THEN
          INSERT INTO es_streams AS s (stream_id, stream_type, version)
          VALUES (p_stream_id, p_stream_type, v_count)
          ON CONFLICT (stream_id) DO UPDATE SET version = s.version + v_count
          RETURNING s.version INTO v_new;
        ELSE
          RAISE EXCEPTION 'unknown expected version kind %', p_expected_kind USING ERRCODE = 'ES400';
        END IF;

        IF v_new IS NULL THEN
          SELECT s.version INTO v_actual FROM es_streams s WHERE s.stream_id = p_stream_id;
          RAISE EXCEPTION 'wrong expected version for stream %', p_stream_id
            USING ERRCODE = 'ES409',
                  DETAIL = json_build_object('expected', p_expected_version, 'actual', v_actual)::text;
        END IF;

        WITH inserted AS (
          INSERT INTO es_events (event_id, stream_id, stream_type, stream_version, event_type,
                                 schema_version, data, metadata)
          SELECT (e->>'id')::uuid, p_stream_id, p_stream_type, v_new - v_count + x.ord,
                 e->>'type', (e->>'schemaVersion')::integer, e->'data', e->'metadata'
          FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord)
          ORDER BY x.ord
          RETURNING global_position
        )
        SELECT min(global_position), max(global_position) INTO v_first, v_last FROM inserted;

        IF p_command_id IS NOT NULL THEN
          UPDATE es_commands SET result = jsonb_build_object(
            'nextExpectedVersion', v_new, 'firstPosition', v_first, 'lastPosition', v_last,
            'transactionId', pg_current_xact_id()::text)
          WHERE command_id = p_command_id;
        END IF;

        RETURN QUERY SELECT v_new, v_first, v_last, pg_current_xact_id()::text, false;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append(text, text, text, bigint, text, jsonb)`);
    await q.query(`DROP TABLE es_subscriptions`);
    await q.query(`DROP TABLE es_commands`);
    await q.query(`DROP TABLE es_events`);
    await q.query(`DROP FUNCTION es_reject_change()`);
    await q.query(`DROP TABLE es_streams`);
  }
}

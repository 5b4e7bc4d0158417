import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventTypeStatistics1764300000002 implements MigrationInterface {
  name = 'CreateEventTypeStatistics1764300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_event_type_statistics (
        stream_type      text NOT NULL,
        event_type       text NOT NULL,
        event_count      bigint NOT NULL,
        last_position    bigint NOT NULL,
        last_recorded_at timestamptz NOT NULL,
        PRIMARY KEY (stream_type, event_type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE es_event_type_statistics');
  }
}

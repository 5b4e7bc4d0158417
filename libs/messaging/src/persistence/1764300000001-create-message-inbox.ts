import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Positions each Kafka consumer group has handled: its exactly-once-in-effect record. */
export class CreateMessageInbox1764300000001 implements MigrationInterface {
  name = 'CreateMessageInbox1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE msg_inbox (
        consumer_group  text NOT NULL,
        global_position bigint NOT NULL,
        handled_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, global_position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE msg_inbox');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inventory read models, written only by the worker's `inventory-read-model` projection:
 * one row per inventory (summary, its state and totals, the event position it reflects) and one
 * per activity line with its computed releases. Row-level security limits a scoped reader to its
 * Party's rows (the Secretariat reads all).
 */
export class CreateInventoryReadModel1764300000200 implements MigrationInterface {
  name = 'CreateInventoryReadModel1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inv_inventories (
        inventory_id        text PRIMARY KEY,
        party               text NOT NULL,
        reference_year      integer NOT NULL,
        edition_id          text NOT NULL,
        tef_scheme          text NOT NULL,
        status              text NOT NULL,
        opened_at           timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        updated_by          text NOT NULL,
        version             integer NOT NULL,
        line_count          integer NOT NULL,
        state               jsonb NOT NULL,
        totals              jsonb NOT NULL,
        uncalculated        jsonb NOT NULL,
        last_transaction_id xid8 NOT NULL,
        last_position       bigint NOT NULL,
        UNIQUE (party, reference_year)
      )`);
    await q.query(`
      CREATE TABLE inv_lines (
        inventory_id   text NOT NULL REFERENCES inv_inventories (inventory_id) ON DELETE CASCADE,
        line_id        text NOT NULL,
        party          text NOT NULL,
        group_code     text NOT NULL,
        category_code  text NOT NULL,
        class_code     text NOT NULL,
        facility_name  text,
        activity_rate  double precision NOT NULL,
        unit           text NOT NULL,
        data_source    text NOT NULL,
        note           text NOT NULL,
        revision       integer NOT NULL,
        cells          jsonb NOT NULL,
        PRIMARY KEY (inventory_id, line_id)
      )`);
    for (const table of ['inv_inventories', 'inv_lines']) {
      await q.query(`GRANT SELECT ON ${table} TO upops_party_scope`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY ${table}_party_scope ON ${table} FOR SELECT TO upops_party_scope
        USING (party = current_setting('upops.organisation', true)
               OR current_setting('upops.all_organisations', true) = 'on')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inv_lines');
    await q.query('DROP TABLE inv_inventories');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials, sessions and invitations (security state, kept out of the event log so a
 * password hash is never immutable history) and the members read model, which PostgreSQL
 * limits to the caller's organisation through row-level security.
 */
export class CreateIdentity1764300000100 implements MigrationInterface {
  name = 'CreateIdentity1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_credentials (
        account_id      uuid PRIMARY KEY,
        organisation    text NOT NULL,
        email           text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash   text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until    timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE identity_refresh_tokens (
        token_hash  text PRIMARY KEY,
        account_id  uuid NOT NULL REFERENCES identity_credentials (account_id),
        expires_at  timestamptz NOT NULL,
        revoked_at  timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX identity_refresh_tokens_account ON identity_refresh_tokens (account_id)');
    await q.query(`
      CREATE TABLE identity_invitations (
        invitation_id uuid PRIMARY KEY,
        organisation  text NOT NULL,
        token_hash    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE identity_members (
        account_id   uuid PRIMARY KEY,
        organisation text NOT NULL,
        email        text NOT NULL,
        display_name text NOT NULL,
        roles        text[] NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX identity_members_organisation ON identity_members (organisation)');
    // The scope role is cluster-wide; several databases (tests, tenants) share it.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'upops_party_scope') THEN
          CREATE ROLE upops_party_scope NOLOGIN;
        END IF;
      END $$`);
    await q.query('GRANT upops_party_scope TO CURRENT_USER');
    await q.query('GRANT SELECT ON identity_members TO upops_party_scope');
    await q.query('ALTER TABLE identity_members ENABLE ROW LEVEL SECURITY');
    await q.query(`
      CREATE POLICY identity_members_organisation_scope ON identity_members FOR SELECT TO upops_party_scope
      USING (organisation = current_setting('upops.organisation', true)
             OR current_setting('upops.all_organisations', true) = 'on')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE identity_members');
    await q.query('DROP TABLE identity_invitations');
    await q.query('DROP TABLE identity_refresh_tokens');
    await q.query('DROP TABLE identity_credentials');
  }
}

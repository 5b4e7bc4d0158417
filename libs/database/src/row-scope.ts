import type { Pool, PoolClient } from 'pg';
import { withTransaction } from './transaction';

/** The role read models with Party data grant SELECT to; row-level security applies to it. */
export const ROW_SCOPE_ROLE = 'upops_party_scope';

export interface RowScope {
  /** The caller's organisation: a Party code, or SECRETARIAT. */
  organisation: string;
  /** True for the Secretariat, who read every Party's rows. */
  allOrganisations: boolean;
}

/**
 * Runs `read` in a transaction that PostgreSQL itself limits to the caller's organisation:
 * the second line behind the application's own checks. Tables opt in with a policy on
 * `current_setting('upops.organisation')` and `current_setting('upops.all_organisations')`.
 */
export async function withRowScope<T>(pool: Pool, scope: RowScope, read: (client: PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (tx) => {
    await tx.query(`SET LOCAL ROLE ${ROW_SCOPE_ROLE}`);
    await tx.query(
      `SELECT set_config('upops.organisation', $1, true), set_config('upops.all_organisations', $2, true)`,
      [scope.organisation, scope.allOrganisations ? 'on' : 'off'],
    );
    return read(tx);
  });
}

import type { Client, Pool, PoolClient } from 'pg';

/**
 * A connection the event store can run a statement on. A caller may pass its own
 * transaction (a PoolClient inside BEGIN) to append or project atomically with other writes.
 */
export type SqlClient = Pool | PoolClient | Client;

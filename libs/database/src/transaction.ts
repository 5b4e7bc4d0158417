import type { Pool, PoolClient } from 'pg';

/** Runs `work` between BEGIN and COMMIT on a connection the caller holds; rolls back on any error. */
export async function inTransaction<T>(client: PoolClient, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Borrows a connection from the pool for one transaction. */
export async function withTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, work);
  } finally {
    client.release();
  }
}

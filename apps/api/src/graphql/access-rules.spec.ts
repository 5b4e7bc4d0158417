import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listOperationAccess } from './access-rules';

const snapshotFile = join(__dirname, '..', '..', 'access-rules.snapshot.txt');

describe('access rules of every GraphQL operation', () => {
  it('every operation in the schema states its rule', async () => {
    const { operations, inSchema } = await listOperationAccess();
    expect(operations.map((o) => o.operation)).toEqual(inSchema);
    expect(operations.filter((o) => o.rule === 'NO RULE')).toEqual([]);
  });

  it('match the committed snapshot, so permission changes show in review (UPDATE_SNAPSHOT=1 rewrites it)', async () => {
    const { operations } = await listOperationAccess();
    const text = `${operations.map((o) => `${o.operation}: ${o.rule}`).join('\n')}\n`;
    if (process.env.UPDATE_SNAPSHOT === '1') writeFileSync(snapshotFile, text);
    expect(text).toBe(readFileSync(snapshotFile, 'utf8'));
  });
});

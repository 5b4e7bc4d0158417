import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@upops/event-store';
import { platformMigrations } from '@upops/platform';
import { createTestDatabase, eventually, graphqlRequest, type TestDatabase } from '@upops/testing';

const root = join(__dirname, '..', '..', '..');
const register = join(root, 'tools', 'register-dist-paths.cjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', register, join(root, 'dist', script), ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('the built platform, started as processes', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    execSync('npm run build', { cwd: root, stdio: 'ignore' });
    db = await createTestDatabase({ migrations: platformMigrations });
  }, 180_000);
  afterAll(() => db.drop());

  it('exits at boot naming a bad variable', async () => {
    const api = run('apps/api/src/main.js', [], { DATABASE_URL: db.url, API_PORT: 'seventy' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('API_PORT');
  });

  it('starts api and worker, serves health and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'upops-e2e-'));
    const platform = run('apps/cli/src/main.js', ['start'], { DATABASE_URL: db.url, API_PORT: String(port), UPOPS_DATA_DIR: dataDir, PASSWORD_HASH_ROUNDS: '4' });
    try {
      await eventually(platform.output, (out) => out.includes('UPOPs Toolkit Platform is running') || platform.child.exitCode !== null, { timeoutMs: 60_000 });
      expect(platform.output()).toContain(`GraphQL:  http://127.0.0.1:${port}/graphql`);
      expect(platform.output()).toContain('coordinator@ken.demo.upops.org');
      const login = await graphqlRequest<{ login: { member: { roles: string[] } } }>(
        `http://127.0.0.1:${port}/graphql`,
        'mutation { login(input: { email: "coordinator@ken.demo.upops.org", password: "toolkit-demo-2026" }) { member { roles } } }',
      );
      expect(login.data?.login.member.roles).toEqual(['national_coordinator']);
      expect(platform.output()).toContain('Demo inventory KEN-2024 opened');
      const session = await graphqlRequest<{ login: { accessToken: string } }>(
        `http://127.0.0.1:${port}/graphql`,
        'mutation { login(input: { email: "drafter@ken.demo.upops.org", password: "toolkit-demo-2026" }) { accessToken } }',
      );
      const demo = await eventually(
        () =>
          graphqlRequest<{ inventory: { lineCount: number; totals: { grams: number }[] } | null }>(
            `http://127.0.0.1:${port}/graphql`,
            '{ inventory(inventoryId: "KEN-2024") { lineCount totals(by: "nation", substance: "PCDD/PCDF") { grams } } }',
            {},
            { authorization: `Bearer ${session.data?.login.accessToken}` },
          ),
        (r) => (r.data?.inventory?.lineCount ?? 0) > 0,
      );
      expect(demo.data?.inventory?.lineCount).toBe(4);
      expect(demo.data?.inventory?.totals[0].grams).toBeGreaterThan(0);
      const store = new PostgresEventStore(db.pool);
      await store.append('e2e-1', [{ type: 'ActivityRecorded', data: {} }], { streamType: 'e2e-probe', expectedVersion: 'no_stream', metadata: { actor: 'e2e' } });
      const health = await eventually(
        () => graphqlRequest<{ health: { status: string; subscriptions: { name: string; lag: string }[] } }>(`http://127.0.0.1:${port}/graphql`, '{ health { status subscriptions { name lag } } }'),
        (r) =>
          (r.data?.health.subscriptions.some((s) => s.name === 'event-type-statistics' && s.lag === '0') ?? false) &&
          (r.data?.health.subscriptions.some((s) => s.name === 'review-approval-lapses') ?? false),
      );
      expect(health.data?.health.status).toBe('up');
      // The worker runs the review workflow too: its read model and the approval-lapse process.
      expect(health.data?.health.subscriptions.map((sub) => sub.name)).toEqual(expect.arrayContaining(['inventory-read-model', 'review-read-model', 'review-approval-lapses']));
      const http = await fetch(`http://127.0.0.1:${port}/health`);
      expect(http.status).toBe(200);
    } finally {
      platform.child.kill('SIGTERM');
    }
    expect(await platform.exited).toBe(0);
    expect(platform.output()).toContain('Stopped.');
  }, 90_000);

  it('rebuilds a read model with progress output', async () => {
    const rebuild = run('apps/cli/src/main.js', ['rebuild', 'event-type-statistics'], { DATABASE_URL: db.url });
    expect(await rebuild.exited).toBe(0);
    expect(rebuild.output()).toMatch(/event-type-statistics \[#+\] 100%/);
    expect(rebuild.output()).toContain('Rebuilt event-type-statistics');
    const { rows } = await db.pool.query<{ n: string }>(`SELECT sum(event_count) AS n FROM es_event_type_statistics`);
    const events = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    expect(Number(rows[0].n)).toBe(Number(events.rows[0].n));
  });

  it('refuses an unknown subscription name and lists the known ones', async () => {
    const rebuild = run('apps/cli/src/main.js', ['rebuild', 'nothing-like-this'], { DATABASE_URL: db.url });
    expect(await rebuild.exited).toBe(2);
    expect(rebuild.output()).toContain('Known: event-type-statistics');
  });
});

import jwt from 'jsonwebtoken';
import { withRowScope } from '@upops/database';
import { PostgresEventStore } from '@upops/event-store';
import { collectSubscription, graphqlWsClient } from '@upops/testing';
import { type ApiFixture, type Persona, startApiFixture, TEST_JWT_SECRET } from './test-support/api-fixture';

const ME = '{ me { accountId organisation email roles } }';
const MEMBERS = 'query ($organisation: String) { members(organisation: $organisation) { email organisation roles } }';
const LOGIN = 'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken refreshToken member { email roles organisation } } }';
const INVITE = 'mutation ($organisation: String, $email: String!, $roles: [Role!]!) { inviteMember(input: { organisation: $organisation, email: $email, roles: $roles }) { invitationId token expiresAt } }';
const ACCEPT = 'mutation ($token: String!) { acceptInvitation(input: { token: $token, displayName: "New Colleague", password: "a-long-password-1" }) { accessToken member { email roles organisation } } }';
const GRANT = 'mutation ($organisation: String, $accountId: ID!, $role: Role!) { grantRole(input: { organisation: $organisation, accountId: $accountId, role: $role }) { email roles } }';
const REVOKE = 'mutation ($accountId: ID!, $role: Role!) { revokeRole(input: { accountId: $accountId, role: $role }) { email roles } }';
const HAND_OVER = 'mutation ($to: String!) { handOverCoordinatorRole(toAccountId: $to) { email roles } }';

function codeOf(response: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return response.errors?.[0]?.extensions?.code;
}

describe('identity and access over GraphQL', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApiFixture();
  });
  afterAll(() => f?.close());

  describe('sign-in', () => {
    it('logs in with email and password and answers `me` with the token', async () => {
      const login = await f.as<{ login: { accessToken: string; member: { roles: string[]; organisation: string } } }>(undefined, LOGIN, {
        email: 'Drafter@KEN.demo.upops.org',
        password: f.demoPassword,
      });
      expect(login.errors).toBeUndefined();
      expect(login.data?.login.member).toMatchObject({ organisation: 'KEN', roles: ['drafter'] });
      const me = await f.as<{ me: { email: string } }>({ token: login.data!.login.accessToken }, ME);
      expect(me.data?.me.email).toBe('drafter@ken.demo.upops.org');
    });

    it('refuses a wrong password, a malformed email and an anonymous or expired caller with typed codes', async () => {
      expect(codeOf(await f.as(undefined, LOGIN, { email: 'drafter@ken.demo.upops.org', password: 'wrong-password' }))).toBe('INVALID_CREDENTIALS');
      const malformed = await f.as(undefined, LOGIN, { email: 'not-an-email', password: 'whatever-password' });
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      expect(codeOf(await f.as(undefined, ME))).toBe('UNAUTHENTICATED');
      const expired = jwt.sign({ org: 'KEN', roles: ['drafter'], exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, {
        subject: f.accountIds.kenDrafter,
        issuer: 'upops',
        audience: 'upops-api',
      });
      expect(codeOf(await f.as({ token: expired }, ME))).toBe('UNAUTHENTICATED');
      const forged = jwt.sign({ org: 'SECRETARIAT', roles: ['secretariat_officer'] }, 'some-other-secret-some-other-secret', { subject: 'x', issuer: 'upops', audience: 'upops-api' });
      expect(codeOf(await f.as({ token: forged }, MEMBERS))).toBe('UNAUTHENTICATED');
    });

    it('rotates refresh tokens: a used refresh token cannot be used again', async () => {
      const login = await f.as<{ login: { refreshToken: string } }>(undefined, LOGIN, { email: 'observer@ken.demo.upops.org', password: f.demoPassword });
      const refresh = 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
      const first = await f.as<{ refreshSession: { accessToken: string } }>(undefined, refresh, { t: login.data!.login.refreshToken });
      expect(first.errors).toBeUndefined();
      expect(codeOf(await f.as(undefined, refresh, { t: login.data!.login.refreshToken }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('Party scope', () => {
    it('shows each person the members of their own Party only; the Secretariat sees all', async () => {
      const organisations = async (who: Persona) => {
        const response = await f.as<{ members: { organisation: string }[] }>(who, MEMBERS);
        expect(response.errors).toBeUndefined();
        return [...new Set(response.data!.members.map((m) => m.organisation))].sort();
      };
      expect(await organisations('kenDrafter')).toEqual(['KEN']);
      expect(await organisations('ecuDrafter')).toEqual(['ECU']);
      expect(await organisations('secretariat')).toEqual(['ECU', 'KEN', 'SECRETARIAT']);
      expect(codeOf(await f.as('kenDrafter', MEMBERS, { organisation: 'ECU' }))).toBe('FORBIDDEN');
    });

    it('row-level security limits a query without any filter to the caller organisation', async () => {
      const rows = await withRowScope(f.db.pool, { organisation: 'KEN', allOrganisations: false }, async (tx) => (await tx.query<{ organisation: string }>('SELECT organisation FROM identity_members')).rows);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.organisation))).toEqual(new Set(['KEN']));
      const all = await withRowScope(f.db.pool, { organisation: 'SECRETARIAT', allOrganisations: true }, async (tx) => (await tx.query('SELECT 1 FROM identity_members')).rows);
      expect(all.length).toBe((await f.db.pool.query('SELECT 1 FROM identity_members')).rows.length);
    });

    const inviteMatrix: [Persona | 'anonymous', string | undefined, string][] = [
      ['kenCoordinator', undefined, 'allowed'],
      ['kenCoordinator', 'ECU', 'FORBIDDEN'],
      ['ecuCoordinator', 'KEN', 'FORBIDDEN'],
      ['secretariat', 'KEN', 'allowed'],
      ['kenDrafter', undefined, 'FORBIDDEN'],
      ['kenReviewer', undefined, 'FORBIDDEN'],
      ['kenObserver', undefined, 'FORBIDDEN'],
      ['expert', 'KEN', 'FORBIDDEN'],
      ['anonymous', 'KEN', 'UNAUTHENTICATED'],
    ];
    it.each(inviteMatrix)('inviteMember by %s into %s: %s', async (who, organisation, expected) => {
      const email = `invitee-${who}-${organisation ?? 'own'}@example.org`.toLowerCase();
      const response = await f.as(who === 'anonymous' ? undefined : who, INVITE, { organisation, email, roles: ['drafter'] });
      if (expected === 'allowed') expect(response.errors).toBeUndefined();
      else expect(codeOf(response)).toBe(expected);
    });

    it('lets a coordinator grant roles in their Party only', async () => {
      const own = await f.as<{ grantRole: { roles: string[] } }>('kenCoordinator', GRANT, { accountId: f.accountIds.kenObserver, role: 'reviewer' });
      expect(own.data?.grantRole.roles.sort()).toEqual(['observer', 'reviewer']);
      expect(codeOf(await f.as('ecuCoordinator', GRANT, { organisation: 'KEN', accountId: f.accountIds.kenDrafter, role: 'reviewer' }))).toBe('FORBIDDEN');
      expect(codeOf(await f.as('kenCoordinator', GRANT, { accountId: f.accountIds.kenDrafter, role: 'toolkit_expert' }))).toBe('ROLE_NOT_GRANTABLE');
      expect(codeOf(await f.as('kenDrafter', GRANT, { accountId: f.accountIds.kenDrafter, role: 'national_coordinator' }))).toBe('FORBIDDEN');
    });

    it('refuses subscriptions without a token', async () => {
      const client = graphqlWsClient(f.graphqlUrl);
      try {
        const { done } = collectSubscription(client, 'subscription { eventStoreHeadChanged { position } }', 1, 5_000);
        await expect(done).rejects.toThrow('UNAUTHENTICATED');
      } finally {
        await client.dispose();
      }
    });
  });

  describe('invitation and hand-over', () => {
    it('invites a colleague, who accepts with the token once; both steps are events naming their actor', async () => {
      const invited = await f.as<{ inviteMember: { token: string; invitationId: string } }>('ecuCoordinator', INVITE, { email: 'new.colleague@ecu.example.org', roles: ['drafter', 'reviewer'] });
      expect(invited.errors).toBeUndefined();
      const accepted = await f.as<{ acceptInvitation: { accessToken: string; member: { roles: string[]; organisation: string } } }>(undefined, ACCEPT, { token: invited.data!.inviteMember.token });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data?.acceptInvitation.member).toMatchObject({ organisation: 'ECU', roles: ['drafter', 'reviewer'] });
      expect(codeOf(await f.as(undefined, ACCEPT, { token: invited.data!.inviteMember.token }))).toBe('INVITATION_NOT_FOUND');
      expect(codeOf(await f.as(undefined, ACCEPT, { token: 'made-up.token' }))).toBe('INVITATION_NOT_FOUND');

      const stream = await new PostgresEventStore(f.db.pool).readStream('organisation-ECU');
      const invitedEvent = stream.events.find((e) => e.type === 'MemberInvited' && (e.data as { email: string }).email === 'new.colleague@ecu.example.org');
      expect(invitedEvent?.metadata).toMatchObject({ actor: f.accountIds.ecuCoordinator, party: 'ECU' });
      expect(JSON.stringify(stream.events, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(invited.data!.inviteMember.token.split('.')[1]);
      expect(stream.events.some((e) => e.type === 'InvitationAccepted')).toBe(true);
    });

    it('hands the coordinator role over; the last coordinator cannot simply be revoked', async () => {
      expect(codeOf(await f.as('kenCoordinator', REVOKE, { accountId: f.accountIds.kenCoordinator, role: 'national_coordinator' }))).toBe('LAST_COORDINATOR');
      const handed = await f.as<{ handOverCoordinatorRole: { email: string; roles: string[] }[] }>('kenCoordinator', HAND_OVER, { to: f.accountIds.kenReviewer });
      expect(handed.errors).toBeUndefined();
      const byEmail = Object.fromEntries(handed.data!.handOverCoordinatorRole.map((m) => [m.email, m.roles.sort()]));
      expect(byEmail['coordinator@ken.demo.upops.org']).toEqual([]);
      expect(byEmail['reviewer@ken.demo.upops.org']).toEqual(['national_coordinator', 'reviewer']);
      // Roles are read at sign-in: the new coordinator signs in again and can invite.
      const relogin = await f.as<{ login: { accessToken: string } }>(undefined, LOGIN, { email: 'reviewer@ken.demo.upops.org', password: f.demoPassword });
      const invite = await f.as({ token: relogin.data!.login.accessToken }, INVITE, { email: 'after-handover@ken.example.org', roles: ['observer'] });
      expect(invite.errors).toBeUndefined();
      const oldCoordinator = await f.as<{ login: { accessToken: string } }>(undefined, LOGIN, { email: 'coordinator@ken.demo.upops.org', password: f.demoPassword });
      expect(codeOf(await f.as({ token: oldCoordinator.data!.login.accessToken }, INVITE, { email: 'nope@ken.example.org', roles: ['observer'] }))).toBe('FORBIDDEN');
    });
  });

  describe('abuse', () => {
    it('locks an account after repeated failures, even for the right password, and records why', async () => {
      for (let i = 0; i < 5; i++) {
        expect(codeOf(await f.as(undefined, LOGIN, { email: 'observer@ecu.demo.upops.org', password: `wrong-${i}-password` }))).toBe('INVALID_CREDENTIALS');
      }
      const locked = await f.as(undefined, LOGIN, { email: 'observer@ecu.demo.upops.org', password: f.demoPassword });
      expect(codeOf(locked)).toBe('ACCOUNT_LOCKED');
      expect(locked.errors?.[0].extensions?.lockedUntil).toEqual(expect.any(String));
      const stream = await new PostgresEventStore(f.db.pool).readStream('organisation-ECU');
      expect(stream.events.filter((e) => e.type === 'AccountLocked')).toHaveLength(1);
    });

    it('refuses queries that use too many aliases, or introspect when it is off', async () => {
      const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: health { status }`).join(' ');
      const tooManyAliases = await f.as(undefined, `{ ${aliases} }`);
      expect(tooManyAliases.status).toBe(400);
      expect(tooManyAliases.errors?.[0].message).toMatch(/alias/i);
      const introspection = await f.as(undefined, '{ __schema { queryType { name } } }');
      expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    });
  });
});

describe('login rate limit', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApiFixture({ LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(() => f?.close());

  it('answers RATE_LIMITED past the attempts allowed per minute from one address', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i++) codes.push(codeOf(await f.as(undefined, LOGIN, { email: `nobody${i}@example.org`, password: 'some-password-123' })));
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'RATE_LIMITED']);
  });
});

describe('query depth limit', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApiFixture({ GRAPHQL_MAX_DEPTH: '2' });
  });
  afterAll(() => f?.close());

  it('refuses a query deeper than configured with a validation error', async () => {
    const deep = await f.as(undefined, '{ health { subscriptions { name } } }');
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await f.as(undefined, '{ health { status } }')).errors).toBeUndefined();
  });
});

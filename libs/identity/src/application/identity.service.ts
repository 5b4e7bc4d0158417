import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Pool } from 'pg';
import { withRowScope } from '@upops/database';
import type { PostgresEventStore } from '@upops/event-store';
import { IdentityError } from '../domain/identity.errors';
import type { MembershipCommand } from '../domain/membership.commands';
import type { Member } from '../domain/membership.state';
import { type Actor, isRole, type Role, SECRETARIAT } from '../domain/roles';
import type { IdentityOptions } from './identity.options';
import { LoginRateLimiter } from './login-rate-limiter';
import { MembershipCommandHandler } from './membership-commands.handler';
import { hashToken, newOpaqueToken, TokenIssuer } from './tokens';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  actor: Actor;
  member: MemberView;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MemberView extends Member {
  organisation: string;
}

interface CredentialRow {
  account_id: string;
  organisation: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | null;
}

const MIN_PASSWORD_LENGTH = 10;

/** The identity context's application service: accounts, sessions, invitations, roles. */
export class IdentityService {
  private readonly tokens: TokenIssuer;
  private readonly limiter: LoginRateLimiter;
  private readonly membership: MembershipCommandHandler;
  /** Compared against when the email is unknown, so both failures cost the same time. */
  private readonly unknownAccountHash: string;

  constructor(
    private readonly pool: Pool,
    store: PostgresEventStore,
    private readonly options: IdentityOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.tokens = new TokenIssuer(options.jwtSecret, options.accessTokenTtlSeconds);
    this.limiter = new LoginRateLimiter(options.loginAttemptsPerMinute, 60_000);
    this.membership = new MembershipCommandHandler(pool, store);
    this.unknownAccountHash = bcrypt.hashSync(randomUUID(), options.passwordHashRounds);
  }

  authenticate(accessToken: string): Actor {
    return this.tokens.verifyAccess(accessToken);
  }

  /** The caller of a plain HTTP request (`Authorization: Bearer <token>`), or undefined when absent or invalid. */
  actorOfAuthorization(header: string | undefined): Actor | undefined {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
    if (!token) return undefined;
    try {
      return this.authenticate(token);
    } catch {
      return undefined;
    }
  }

  /** Creates an account directly (demo seed, or a Secretariat officer setting up a Party). */
  async registerAccount(
    input: { organisation: string; email: string; displayName: string; password: string; roles: Role[] },
    actor: Actor | undefined,
    commandId?: string,
  ): Promise<string> {
    const email = normaliseEmail(input.email);
    requireStrongPassword(input.password);
    const accountId = randomUUID();
    const passwordHash = await bcrypt.hash(input.password, this.options.passwordHashRounds);
    await this.runMembership(
      input.organisation,
      { type: 'RegisterAccount', accountId, email, displayName: input.displayName, roles: input.roles },
      actor,
      commandId,
      async (tx) => {
        await insertCredentials(tx, accountId, input.organisation, email, passwordHash);
      },
    );
    return accountId;
  }

  /** Invites a colleague; the token goes back to the inviter (no mail server) and is shown once. */
  async invite(actor: Actor, input: { organisation: string; email: string; roles: Role[] }): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
    const invitationId = randomUUID();
    const secret = newOpaqueToken();
    const expiresAt = new Date(this.clock().getTime() + this.options.invitationTtlDays * 86_400_000);
    await this.runMembership(
      input.organisation,
      { type: 'InviteMember', invitationId, email: normaliseEmail(input.email), roles: input.roles, expiresAt: expiresAt.toISOString() },
      actor,
      undefined,
      async (tx) => {
        await tx.query('INSERT INTO identity_invitations (invitation_id, organisation, token_hash) VALUES ($1, $2, $3)', [invitationId, input.organisation, hashToken(secret)]);
      },
    );
    return { invitationId, token: `${invitationId}.${secret}`, expiresAt };
  }

  async acceptInvitation(input: { token: string; displayName: string; password: string }): Promise<Session> {
    requireStrongPassword(input.password);
    const [invitationId, secret] = input.token.split('.');
    const { rows } = await this.pool.query<{ organisation: string; token_hash: string }>(
      'SELECT organisation, token_hash FROM identity_invitations WHERE invitation_id = $1',
      [isUuid(invitationId) ? invitationId : '00000000-0000-0000-0000-000000000000'],
    );
    if (rows.length === 0 || !secret || rows[0].token_hash !== hashToken(secret)) {
      throw new IdentityError('INVITATION_NOT_FOUND', 'This invitation does not exist or was already used', 'token');
    }
    const organisation = rows[0].organisation;
    const accountId = randomUUID();
    const passwordHash = await bcrypt.hash(input.password, this.options.passwordHashRounds);
    await this.runMembership(
      organisation,
      { type: 'AcceptInvitation', invitationId, accountId, displayName: input.displayName },
      undefined,
      `accept-invitation:${invitationId}`,
      async (tx, _events, after) => {
        await insertCredentials(tx, accountId, organisation, after.members[accountId].email, passwordHash);
      },
    );
    return this.openSession(accountId);
  }

  async login(input: { email: string; password: string }, clientAddress: string): Promise<Session> {
    const email = normaliseEmail(input.email);
    const nowMs = this.clock().getTime();
    if (!this.limiter.tryAcquire(`email:${email}`, nowMs) || !this.limiter.tryAcquire(`ip:${clientAddress}`, nowMs)) {
      throw new IdentityError('RATE_LIMITED', 'Too many login attempts: wait a minute and try again');
    }
    const { rows } = await this.pool.query<CredentialRow>(
      'SELECT account_id, organisation, password_hash, failed_attempts, locked_until FROM identity_credentials WHERE email = $1',
      [email],
    );
    const credential = rows[0];
    if (!credential) {
      // Same work and answer as a wrong password: the answer does not reveal which emails exist.
      await bcrypt.compare(input.password, this.unknownAccountHash);
      throw new IdentityError('INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    if (credential.locked_until && credential.locked_until.getTime() > nowMs) {
      throw new IdentityError('ACCOUNT_LOCKED', `Too many failed logins: the account is locked until ${credential.locked_until.toISOString()}`, undefined, {
        lockedUntil: credential.locked_until.toISOString(),
      });
    }
    if (!(await bcrypt.compare(input.password, credential.password_hash))) {
      await this.recordFailedLogin(credential, nowMs);
      throw new IdentityError('INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    await this.pool.query('UPDATE identity_credentials SET failed_attempts = 0, locked_until = NULL WHERE account_id = $1', [credential.account_id]);
    return this.openSession(credential.account_id);
  }

  async refresh(refreshToken: string): Promise<Session> {
    const { rows } = await this.pool.query<{ account_id: string }>(
      `UPDATE identity_refresh_tokens SET revoked_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
       RETURNING account_id`,
      [hashToken(refreshToken), this.clock()],
    );
    if (rows.length === 0) throw new IdentityError('UNAUTHENTICATED', 'This session has ended: log in again', 'refreshToken');
    return this.openSession(rows[0].account_id);
  }

  async logout(actor: Actor, refreshToken: string | undefined): Promise<void> {
    if (refreshToken) {
      await this.pool.query('UPDATE identity_refresh_tokens SET revoked_at = now() WHERE token_hash = $1 AND account_id = $2 AND revoked_at IS NULL', [hashToken(refreshToken), actor.accountId]);
    } else {
      await this.revokeAllSessions(actor.accountId);
    }
  }

  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
    requireStrongPassword(input.newPassword, 'newPassword');
    const { rows } = await this.pool.query<{ password_hash: string }>('SELECT password_hash FROM identity_credentials WHERE account_id = $1', [actor.accountId]);
    if (!rows[0] || !(await bcrypt.compare(input.currentPassword, rows[0].password_hash))) {
      throw new IdentityError('INVALID_CREDENTIALS', 'The current password is wrong', 'currentPassword');
    }
    const passwordHash = await bcrypt.hash(input.newPassword, this.options.passwordHashRounds);
    await this.runMembership(actor.organisation, { type: 'RecordPasswordChange', accountId: actor.accountId }, actor, undefined, async (tx) => {
      await tx.query('UPDATE identity_credentials SET password_hash = $2, updated_at = now() WHERE account_id = $1', [actor.accountId, passwordHash]);
      await tx.query('UPDATE identity_refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [actor.accountId]);
    });
  }

  async grantRole(actor: Actor, input: { organisation: string; accountId: string; role: Role }): Promise<MemberView> {
    const { state } = await this.runMembership(input.organisation, { type: 'GrantRole', accountId: input.accountId, role: input.role }, actor);
    return { ...state.members[input.accountId], organisation: input.organisation };
  }

  /** Revokes a role; the person's sessions end so the change applies at once. */
  async revokeRole(actor: Actor, input: { organisation: string; accountId: string; role: Role }): Promise<MemberView> {
    const { state } = await this.runMembership(input.organisation, { type: 'RevokeRole', accountId: input.accountId, role: input.role }, actor, undefined, async (tx) => {
      await tx.query('UPDATE identity_refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [input.accountId]);
    });
    return { ...state.members[input.accountId], organisation: input.organisation };
  }

  async handOverCoordinatorRole(actor: Actor, toAccountId: string): Promise<MemberView[]> {
    const { state } = await this.runMembership(actor.organisation, { type: 'HandOverCoordinatorRole', toAccountId }, actor, undefined, async (tx) => {
      await tx.query('UPDATE identity_refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [actor.accountId]);
    });
    return [state.members[actor.accountId], state.members[toAccountId]].map((m) => ({ ...m, organisation: actor.organisation }));
  }

  /** Members the caller may see; PostgreSQL row security limits the rows to their organisation. */
  async members(actor: Actor, organisation?: string): Promise<MemberView[]> {
    if (organisation && organisation !== actor.organisation && actor.organisation !== SECRETARIAT) {
      throw new IdentityError('FORBIDDEN', 'You can see the people of your own Party only', 'organisation');
    }
    return withRowScope(this.pool, { organisation: actor.organisation, allOrganisations: actor.organisation === SECRETARIAT }, async (tx) => {
      const { rows } = await tx.query<{ account_id: string; organisation: string; email: string; display_name: string; roles: string[] }>(
        `SELECT account_id, organisation, email, display_name, roles FROM identity_members
         WHERE ($1::text IS NULL OR organisation = $1) ORDER BY organisation, display_name`,
        [organisation ?? null],
      );
      return rows.map((r) => ({ accountId: r.account_id, organisation: r.organisation, email: r.email, displayName: r.display_name, roles: r.roles.filter(isRole) }));
    });
  }

  async member(accountId: string): Promise<MemberView | undefined> {
    // Account ids are UUIDs; anything else names nobody (and must not reach the uuid column as an error).
    if (!UUID.test(accountId)) return undefined;
    const { rows } = await this.pool.query<{ account_id: string; organisation: string; email: string; display_name: string; roles: string[] }>(
      'SELECT account_id, organisation, email, display_name, roles FROM identity_members WHERE account_id = $1',
      [accountId],
    );
    return rows[0] && { accountId: rows[0].account_id, organisation: rows[0].organisation, email: rows[0].email, displayName: rows[0].display_name, roles: rows[0].roles.filter(isRole) };
  }

  async hasAnyAccount(): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM identity_credentials LIMIT 1');
    return rows.length > 0;
  }

  private async recordFailedLogin(credential: CredentialRow, nowMs: number): Promise<void> {
    const failed = credential.failed_attempts + 1;
    const lock = failed >= this.options.maxFailedLogins;
    const until = new Date(nowMs + this.options.lockMinutes * 60_000);
    if (!lock) {
      await this.pool.query('UPDATE identity_credentials SET failed_attempts = $2 WHERE account_id = $1', [credential.account_id, failed]);
      return;
    }
    await this.runMembership(credential.organisation, { type: 'LockAccount', accountId: credential.account_id, until: until.toISOString(), failedAttempts: failed }, undefined, undefined, async (tx) => {
      await tx.query('UPDATE identity_credentials SET failed_attempts = 0, locked_until = $2 WHERE account_id = $1', [credential.account_id, until]);
    });
  }

  /** Roles come from the members read model at every sign-in and refresh. */
  private async openSession(accountId: string): Promise<Session> {
    const member = await this.member(accountId);
    if (!member) throw new IdentityError('UNAUTHENTICATED', 'This account no longer exists');
    const actor: Actor = { accountId, organisation: member.organisation, roles: member.roles };
    const now = this.clock();
    const access = this.tokens.issueAccess(actor, now);
    const refreshToken = newOpaqueToken();
    const refreshTokenExpiresAt = new Date(now.getTime() + this.options.refreshTokenTtlDays * 86_400_000);
    await this.pool.query('INSERT INTO identity_refresh_tokens (token_hash, account_id, expires_at) VALUES ($1, $2, $3)', [hashToken(refreshToken), actor.accountId, refreshTokenExpiresAt]);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, actor, member };
  }

  private async revokeAllSessions(accountId: string): Promise<void> {
    await this.pool.query('UPDATE identity_refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [accountId]);
  }

  private runMembership(
    organisation: string,
    command: MembershipCommand,
    actor: Actor | undefined,
    commandId?: string,
    alsoWrite?: Parameters<MembershipCommandHandler['execute']>[3],
  ) {
    return this.membership.execute(command, { organisation, actor, now: this.clock() }, { commandId: commandId ?? null, correlationId: randomUUID() }, alsoWrite);
  }
}

async function insertCredentials(tx: { query: Pool['query'] }, accountId: string, organisation: string, email: string, passwordHash: string): Promise<void> {
  try {
    await tx.query('INSERT INTO identity_credentials (account_id, organisation, email, password_hash) VALUES ($1, $2, $3, $4)', [accountId, organisation, email, passwordHash]);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new IdentityError('EMAIL_TAKEN', `${email} already has an account`, 'email');
    throw error;
  }
}

function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalised)) throw new IdentityError('BAD_USER_INPUT', 'Enter a valid email address', 'email');
  return normalised;
}

function requireStrongPassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new IdentityError('BAD_USER_INPUT', `Use a password of at least ${MIN_PASSWORD_LENGTH} characters`, field);
  }
}

function isUuid(value: string | undefined): value is string {
  return !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

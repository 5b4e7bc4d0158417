import type { Role } from './roles';

export type MembershipCommand =
  | { type: 'RegisterAccount'; accountId: string; email: string; displayName: string; roles: Role[] }
  | { type: 'InviteMember'; invitationId: string; email: string; roles: Role[]; expiresAt: string }
  | { type: 'AcceptInvitation'; invitationId: string; accountId: string; displayName: string }
  | { type: 'GrantRole'; accountId: string; role: Role }
  | { type: 'RevokeRole'; accountId: string; role: Role }
  | { type: 'HandOverCoordinatorRole'; toAccountId: string }
  | { type: 'LockAccount'; accountId: string; until: string; failedAttempts: number }
  | { type: 'RecordPasswordChange'; accountId: string };

/** Who asks, for which organisation, and when: passed in, never read from a clock here. */
export interface MembershipContext {
  organisation: string;
  /** Undefined for the platform itself (seeding, lockouts after failed logins). */
  actor: { accountId: string; organisation: string; roles: readonly Role[] } | undefined;
  now: Date;
}

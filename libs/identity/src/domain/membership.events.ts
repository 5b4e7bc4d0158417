import type { Role } from './roles';

/**
 * Events of one organisation's membership stream (`organisation-<code>`): who belongs to a
 * Party (or the Secretariat), with which roles, and who decided it. Password hashes and
 * tokens never enter events.
 */
export type MembershipEvent =
  | { type: 'AccountRegistered'; data: { accountId: string; email: string; displayName: string; roles: Role[] } }
  | { type: 'MemberInvited'; data: { invitationId: string; email: string; roles: Role[]; expiresAt: string } }
  | { type: 'InvitationAccepted'; data: { invitationId: string; accountId: string; email: string; displayName: string; roles: Role[] } }
  | { type: 'RoleGranted'; data: { accountId: string; role: Role } }
  | { type: 'RoleRevoked'; data: { accountId: string; role: Role } }
  | { type: 'CoordinatorRoleHandedOver'; data: { fromAccountId: string; toAccountId: string } }
  | { type: 'AccountLocked'; data: { accountId: string; until: string; failedAttempts: number } }
  | { type: 'PasswordChanged'; data: { accountId: string } };

export const MEMBERSHIP_STREAM_TYPE = 'organisation';

export function membershipStreamId(organisation: string): string {
  return `organisation-${organisation}`;
}

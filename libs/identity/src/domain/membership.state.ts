import type { MembershipEvent } from './membership.events';
import type { Role } from './roles';

export interface Member {
  accountId: string;
  email: string;
  displayName: string;
  roles: Role[];
}

export interface Invitation {
  invitationId: string;
  email: string;
  roles: Role[];
  expiresAt: string;
  accepted: boolean;
}

export interface MembershipState {
  members: Record<string, Member>;
  invitations: Record<string, Invitation>;
}

export const EMPTY_MEMBERSHIP: MembershipState = { members: {}, invitations: {} };

export function evolve(state: MembershipState, event: MembershipEvent): MembershipState {
  switch (event.type) {
    case 'AccountRegistered':
      return { ...state, members: { ...state.members, [event.data.accountId]: { ...event.data, roles: [...event.data.roles] } } };
    case 'MemberInvited':
      return { ...state, invitations: { ...state.invitations, [event.data.invitationId]: { ...event.data, accepted: false } } };
    case 'InvitationAccepted': {
      const invitation = state.invitations[event.data.invitationId];
      const { accountId, email, displayName, roles } = event.data;
      return {
        members: { ...state.members, [accountId]: { accountId, email, displayName, roles: [...roles] } },
        invitations: invitation ? { ...state.invitations, [invitation.invitationId]: { ...invitation, accepted: true } } : state.invitations,
      };
    }
    case 'RoleGranted':
      return withRoles(state, event.data.accountId, (roles) => [...roles, event.data.role]);
    case 'RoleRevoked':
      return withRoles(state, event.data.accountId, (roles) => roles.filter((r) => r !== event.data.role));
    case 'CoordinatorRoleHandedOver': {
      const without = withRoles(state, event.data.fromAccountId, (roles) => roles.filter((r) => r !== 'national_coordinator'));
      return withRoles(without, event.data.toAccountId, (roles) => (roles.includes('national_coordinator') ? roles : [...roles, 'national_coordinator']));
    }
    case 'AccountLocked':
    case 'PasswordChanged':
      return state;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function withRoles(state: MembershipState, accountId: string, change: (roles: Role[]) => Role[]): MembershipState {
  const member = state.members[accountId];
  if (!member) return state;
  return { ...state, members: { ...state.members, [accountId]: { ...member, roles: change(member.roles) } } };
}

export function memberByEmail(state: MembershipState, email: string): Member | undefined {
  return Object.values(state.members).find((m) => m.email === email);
}

import { IdentityError } from './identity.errors';
import type { MembershipCommand, MembershipContext } from './membership.commands';
import type { MembershipEvent } from './membership.events';
import { memberByEmail, type MembershipState } from './membership.state';
import { PARTY_ROLES, type Role, SECRETARIAT, SECRETARIAT_ROLES } from './roles';

/** Decides one membership command against the organisation's current state. Pure. */
export function decide(command: MembershipCommand, state: MembershipState, context: MembershipContext): MembershipEvent[] {
  switch (command.type) {
    case 'RegisterAccount':
      requirePlatformOrSecretariat(context);
      requireNewEmail(state, command.email);
      requireGrantable(context.organisation, command.roles, 'roles');
      return [{ type: 'AccountRegistered', data: { accountId: command.accountId, email: command.email, displayName: command.displayName, roles: command.roles } }];
    case 'InviteMember':
      requireManager(context, state);
      requireNewEmail(state, command.email);
      requireGrantable(context.organisation, command.roles, 'roles');
      return [{ type: 'MemberInvited', data: { invitationId: command.invitationId, email: command.email, roles: command.roles, expiresAt: command.expiresAt } }];
    case 'AcceptInvitation': {
      const invitation = state.invitations[command.invitationId];
      if (!invitation || invitation.accepted) throw new IdentityError('INVITATION_NOT_FOUND', 'This invitation does not exist or was already used', 'token');
      if (new Date(invitation.expiresAt) <= context.now) throw new IdentityError('INVITATION_EXPIRED', 'This invitation has expired; ask your coordinator for a new one', 'token');
      requireNewEmail(state, invitation.email);
      return [{ type: 'InvitationAccepted', data: { invitationId: invitation.invitationId, accountId: command.accountId, email: invitation.email, displayName: command.displayName, roles: invitation.roles } }];
    }
    case 'GrantRole': {
      requireManager(context, state);
      const member = requireMember(state, command.accountId);
      requireGrantable(context.organisation, [command.role], 'role');
      if (member.roles.includes(command.role)) throw new IdentityError('ROLE_ALREADY_HELD', `${member.email} already holds ${command.role}`, 'role');
      return [{ type: 'RoleGranted', data: { accountId: command.accountId, role: command.role } }];
    }
    case 'RevokeRole': {
      requireManager(context, state);
      const member = requireMember(state, command.accountId);
      if (!member.roles.includes(command.role)) throw new IdentityError('ROLE_NOT_HELD', `${member.email} does not hold ${command.role}`, 'role');
      if (command.role === 'national_coordinator' && coordinators(state).length === 1) {
        throw new IdentityError('LAST_COORDINATOR', 'A Party keeps one national coordinator: hand the role over instead', 'role');
      }
      return [{ type: 'RoleRevoked', data: { accountId: command.accountId, role: command.role } }];
    }
    case 'HandOverCoordinatorRole': {
      const actor = context.actor;
      if (!actor || actor.organisation !== context.organisation || !actor.roles.includes('national_coordinator')) {
        throw new IdentityError('FORBIDDEN', 'Only the national coordinator can hand the role over');
      }
      requireMember(state, command.toAccountId, 'toAccountId');
      if (command.toAccountId === actor.accountId) throw new IdentityError('BAD_USER_INPUT', 'Hand the role to a colleague, not to yourself', 'toAccountId');
      return [{ type: 'CoordinatorRoleHandedOver', data: { fromAccountId: actor.accountId, toAccountId: command.toAccountId } }];
    }
    case 'LockAccount':
      requireMember(state, command.accountId);
      return [{ type: 'AccountLocked', data: { accountId: command.accountId, until: command.until, failedAttempts: command.failedAttempts } }];
    case 'RecordPasswordChange':
      requireMember(state, command.accountId);
      return [{ type: 'PasswordChanged', data: { accountId: command.accountId } }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

function coordinators(state: MembershipState): string[] {
  return Object.values(state.members).filter((m) => m.roles.includes('national_coordinator')).map((m) => m.accountId);
}

/** A Party's coordinator manages their own Party; a Secretariat officer manages any organisation. */
function requireManager(context: MembershipContext, _state: MembershipState): void {
  const actor = context.actor;
  if (!actor) return;
  const secretariatOfficer = actor.organisation === SECRETARIAT && actor.roles.includes('secretariat_officer');
  const ownCoordinator = actor.organisation === context.organisation && actor.roles.includes('national_coordinator');
  if (!secretariatOfficer && !ownCoordinator) {
    throw new IdentityError('FORBIDDEN', 'Only the national coordinator of this Party (or the Secretariat) manages its members');
  }
}

function requirePlatformOrSecretariat(context: MembershipContext): void {
  const actor = context.actor;
  if (actor && !(actor.organisation === SECRETARIAT && actor.roles.includes('secretariat_officer'))) {
    throw new IdentityError('FORBIDDEN', 'Only the Secretariat registers accounts directly');
  }
}

function requireNewEmail(state: MembershipState, email: string): void {
  if (memberByEmail(state, email)) throw new IdentityError('EMAIL_TAKEN', `${email} already has an account`, 'email');
}

function requireMember(state: MembershipState, accountId: string, field = 'accountId') {
  const member = state.members[accountId];
  if (!member) throw new IdentityError('MEMBER_NOT_FOUND', 'No such member in this organisation', field);
  return member;
}

function requireGrantable(organisation: string, roles: readonly Role[], field: string): void {
  if (roles.length === 0) throw new IdentityError('BAD_USER_INPUT', 'Give at least one role', field);
  const allowed = organisation === SECRETARIAT ? [...SECRETARIAT_ROLES, 'reviewer', 'observer'] : PARTY_ROLES;
  const refused = roles.filter((role) => !allowed.includes(role));
  if (refused.length) {
    throw new IdentityError('ROLE_NOT_GRANTABLE', `${refused.join(', ')} cannot be held in ${organisation === SECRETARIAT ? 'the Secretariat' : 'a Party'}`, field);
  }
}

import { decide } from './decide';
import type { MembershipCommand, MembershipContext } from './membership.commands';
import type { MembershipEvent } from './membership.events';
import { EMPTY_MEMBERSHIP, evolve } from './membership.state';
import type { Role } from './roles';

const now = new Date('2026-11-28T10:00:00Z');
const coordinator = { accountId: 'c1', organisation: 'KEN', roles: ['national_coordinator'] as Role[] };
const drafter = { accountId: 'd1', organisation: 'KEN', roles: ['drafter'] as Role[] };
const otherCoordinator = { accountId: 'x1', organisation: 'ECU', roles: ['national_coordinator'] as Role[] };
const secretariat = { accountId: 's1', organisation: 'SECRETARIAT', roles: ['secretariat_officer'] as Role[] };

const registered = (accountId: string, email: string, roles: Role[]): MembershipEvent => ({
  type: 'AccountRegistered',
  data: { accountId, email, displayName: email, roles },
});

/** given(events).when(command, actor).then(events | error code) */
function given(...history: MembershipEvent[]) {
  const state = history.reduce(evolve, EMPTY_MEMBERSHIP);
  return {
    when(command: MembershipCommand, actor: MembershipContext['actor'], organisation = 'KEN') {
      const run = () => decide(command, state, { organisation, actor, now });
      return {
        then: (expected: MembershipEvent[]) => expect(run()).toEqual(expected),
        thenRefused: (code: string, field?: string) => {
          expect(run).toThrow(expect.objectContaining({ code, ...(field ? { field } : {}) }));
        },
      };
    },
  };
}

const kenTeam = [registered('c1', 'c@ken.org', ['national_coordinator']), registered('d1', 'd@ken.org', ['drafter'])];

describe('membership decider', () => {
  it('registers an account for the platform or the Secretariat, not for a coordinator', () => {
    const command: MembershipCommand = { type: 'RegisterAccount', accountId: 'n1', email: 'n@ken.org', displayName: 'n@ken.org', roles: ['drafter'] };
    given().when(command, undefined).then([registered('n1', 'n@ken.org', ['drafter'])]);
    given().when(command, secretariat).then([registered('n1', 'n@ken.org', ['drafter'])]);
    given().when(command, coordinator).thenRefused('FORBIDDEN');
    given(...kenTeam).when({ ...command, email: 'd@ken.org' }, undefined).thenRefused('EMAIL_TAKEN', 'email');
  });

  it('lets the own coordinator or the Secretariat invite, with Party roles only', () => {
    const invite: MembershipCommand = { type: 'InviteMember', invitationId: 'i1', email: 'new@ken.org', roles: ['drafter'], expiresAt: '2026-12-12T00:00:00Z' };
    given(...kenTeam).when(invite, coordinator).then([{ type: 'MemberInvited', data: { invitationId: 'i1', email: 'new@ken.org', roles: ['drafter'], expiresAt: '2026-12-12T00:00:00Z' } }]);
    given(...kenTeam).when(invite, secretariat).then([{ type: 'MemberInvited', data: { invitationId: 'i1', email: 'new@ken.org', roles: ['drafter'], expiresAt: '2026-12-12T00:00:00Z' } }]);
    given(...kenTeam).when(invite, drafter).thenRefused('FORBIDDEN');
    given(...kenTeam).when(invite, otherCoordinator).thenRefused('FORBIDDEN');
    given(...kenTeam).when({ ...invite, roles: ['toolkit_expert'] }, coordinator).thenRefused('ROLE_NOT_GRANTABLE', 'roles');
    given(...kenTeam).when({ ...invite, roles: [] }, coordinator).thenRefused('BAD_USER_INPUT', 'roles');
  });

  it('accepts an invitation once and before it expires', () => {
    const invited: MembershipEvent = { type: 'MemberInvited', data: { invitationId: 'i1', email: 'new@ken.org', roles: ['reviewer'], expiresAt: '2026-12-01T00:00:00Z' } };
    const accept: MembershipCommand = { type: 'AcceptInvitation', invitationId: 'i1', accountId: 'n1', displayName: 'New' };
    const accepted: MembershipEvent = { type: 'InvitationAccepted', data: { invitationId: 'i1', accountId: 'n1', email: 'new@ken.org', displayName: 'New', roles: ['reviewer'] } };
    given(...kenTeam, invited).when(accept, undefined).then([accepted]);
    given(...kenTeam, invited, accepted).when(accept, undefined).thenRefused('INVITATION_NOT_FOUND', 'token');
    given(...kenTeam, { ...invited, data: { ...invited.data, expiresAt: '2026-11-01T00:00:00Z' } } as MembershipEvent).when(accept, undefined).thenRefused('INVITATION_EXPIRED');
    given(...kenTeam).when(accept, undefined).thenRefused('INVITATION_NOT_FOUND');
  });

  it('grants and revokes roles, keeping one coordinator', () => {
    given(...kenTeam).when({ type: 'GrantRole', accountId: 'd1', role: 'reviewer' }, coordinator).then([{ type: 'RoleGranted', data: { accountId: 'd1', role: 'reviewer' } }]);
    given(...kenTeam).when({ type: 'GrantRole', accountId: 'd1', role: 'drafter' }, coordinator).thenRefused('ROLE_ALREADY_HELD', 'role');
    given(...kenTeam).when({ type: 'GrantRole', accountId: 'zz', role: 'drafter' }, coordinator).thenRefused('MEMBER_NOT_FOUND', 'accountId');
    given(...kenTeam).when({ type: 'RevokeRole', accountId: 'd1', role: 'drafter' }, coordinator).then([{ type: 'RoleRevoked', data: { accountId: 'd1', role: 'drafter' } }]);
    given(...kenTeam).when({ type: 'RevokeRole', accountId: 'd1', role: 'reviewer' }, coordinator).thenRefused('ROLE_NOT_HELD');
    given(...kenTeam).when({ type: 'RevokeRole', accountId: 'c1', role: 'national_coordinator' }, coordinator).thenRefused('LAST_COORDINATOR');
  });

  it('hands the coordinator role to a colleague, and only the coordinator can', () => {
    given(...kenTeam).when({ type: 'HandOverCoordinatorRole', toAccountId: 'd1' }, coordinator).then([{ type: 'CoordinatorRoleHandedOver', data: { fromAccountId: 'c1', toAccountId: 'd1' } }]);
    given(...kenTeam).when({ type: 'HandOverCoordinatorRole', toAccountId: 'd1' }, drafter).thenRefused('FORBIDDEN');
    given(...kenTeam).when({ type: 'HandOverCoordinatorRole', toAccountId: 'c1' }, coordinator).thenRefused('BAD_USER_INPUT', 'toAccountId');
    given(...kenTeam).when({ type: 'HandOverCoordinatorRole', toAccountId: 'zz' }, coordinator).thenRefused('MEMBER_NOT_FOUND', 'toAccountId');
    const after = [...kenTeam, { type: 'CoordinatorRoleHandedOver', data: { fromAccountId: 'c1', toAccountId: 'd1' } } as MembershipEvent].reduce(evolve, EMPTY_MEMBERSHIP);
    expect(after.members.c1.roles).toEqual([]);
    expect(after.members.d1.roles).toEqual(['drafter', 'national_coordinator']);
  });

  it('records lockouts and password changes of members only', () => {
    given(...kenTeam).when({ type: 'LockAccount', accountId: 'd1', until: '2026-11-28T10:15:00Z', failedAttempts: 5 }, undefined).then([
      { type: 'AccountLocked', data: { accountId: 'd1', until: '2026-11-28T10:15:00Z', failedAttempts: 5 } },
    ]);
    given(...kenTeam).when({ type: 'RecordPasswordChange', accountId: 'zz' }, undefined).thenRefused('MEMBER_NOT_FOUND');
  });
});

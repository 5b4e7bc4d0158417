import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { IdentityService, type MemberView, type Session } from '../application/identity.service';
import { PartyDirectory } from '../application/party-directory';
import { IdentityError } from '../domain/identity.errors';
import { type Actor, isRole, type Role } from '../domain/roles';
import { Access } from '../nest/access.decorator';
import { ClientAddress, CurrentActor } from '../nest/request-actor';
import {
  AcceptInvitationInput,
  AuthSession,
  ChangePasswordInput,
  InviteMemberInput,
  IssuedInvitation,
  LoginInput,
  Member,
  Party,
  RoleChangeInput,
  type RoleName,
} from './identity.types';

/** Thin adapter: checks input shape, calls the identity service, maps the answer. */
@Resolver()
export class IdentityResolver {
  constructor(
    @Inject(IdentityService) private readonly identity: IdentityService,
    @Inject(PartyDirectory) private readonly directory: PartyDirectory,
  ) {}

  @Query(() => [Party], { description: 'The Parties to the Stockholm Convention.' })
  @Access.public()
  parties(): Party[] {
    return this.directory.all();
  }

  @Query(() => Member, { description: 'The signed-in person.' })
  @Access.authenticated()
  async me(@CurrentActor() actor: Actor): Promise<Member> {
    const member = await this.identity.member(actor.accountId);
    if (!member) throw new IdentityError('UNAUTHENTICATED', 'This account no longer exists');
    return toMember(member);
  }

  @Query(() => [Member], { description: 'People of your organisation (the Secretariat sees every organisation).' })
  @Access.authenticated()
  async members(@CurrentActor() actor: Actor, @Args('organisation', { nullable: true }) organisation?: string): Promise<Member[]> {
    return (await this.identity.members(actor, organisation)).map(toMember);
  }

  @Mutation(() => AuthSession, { description: 'Signs in with email and password.' })
  @Access.public()
  async login(@Args('input') input: LoginInput, @ClientAddress() address: string): Promise<AuthSession> {
    return toSession(await this.identity.login(input, address));
  }

  @Mutation(() => AuthSession, { description: 'Exchanges a refresh token for a new session (the old one ends).' })
  @Access.public()
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthSession> {
    return toSession(await this.identity.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Ends this session (or every session when no refresh token is given).' })
  @Access.authenticated()
  async logout(@CurrentActor() actor: Actor, @Args('refreshToken', { nullable: true }) refreshToken?: string): Promise<boolean> {
    await this.identity.logout(actor, refreshToken);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes your password; every other session ends.' })
  @Access.authenticated()
  async changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.identity.changePassword(actor, input);
    return true;
  }

  @Mutation(() => IssuedInvitation, { description: 'Invites a colleague of your Party by email; returns the token to pass on.' })
  @Access.roles('national_coordinator', 'secretariat_officer')
  async inviteMember(@CurrentActor() actor: Actor, @Args('input') input: InviteMemberInput): Promise<IssuedInvitation> {
    const organisation = this.organisationOf(actor, input.organisation);
    return this.identity.invite(actor, { organisation, email: input.email, roles: roles(input.roles) });
  }

  @Mutation(() => AuthSession, { description: 'Creates your account from an invitation and signs you in.' })
  @Access.public()
  async acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<AuthSession> {
    if (!input.displayName.trim()) throw new IdentityError('BAD_USER_INPUT', 'Give your name as colleagues should see it', 'displayName');
    return toSession(await this.identity.acceptInvitation({ ...input, displayName: input.displayName.trim() }));
  }

  @Mutation(() => Member, { description: 'Grants a role to a member of your Party.' })
  @Access.roles('national_coordinator', 'secretariat_officer')
  async grantRole(@CurrentActor() actor: Actor, @Args('input') input: RoleChangeInput): Promise<Member> {
    const organisation = this.organisationOf(actor, input.organisation);
    return toMember(await this.identity.grantRole(actor, { organisation, accountId: input.accountId, role: roles([input.role])[0] }));
  }

  @Mutation(() => Member, { description: 'Revokes a role from a member of your Party; their sessions end.' })
  @Access.roles('national_coordinator', 'secretariat_officer')
  async revokeRole(@CurrentActor() actor: Actor, @Args('input') input: RoleChangeInput): Promise<Member> {
    const organisation = this.organisationOf(actor, input.organisation);
    return toMember(await this.identity.revokeRole(actor, { organisation, accountId: input.accountId, role: roles([input.role])[0] }));
  }

  @Mutation(() => [Member], { description: 'Hands your national coordinator role to a colleague of your Party.' })
  @Access.roles('national_coordinator')
  async handOverCoordinatorRole(@CurrentActor() actor: Actor, @Args('toAccountId') toAccountId: string): Promise<Member[]> {
    return (await this.identity.handOverCoordinatorRole(actor, toAccountId)).map(toMember);
  }

  private organisationOf(actor: Actor, requested: string | undefined): string {
    const organisation = requested ?? actor.organisation;
    if (!this.directory.isOrganisation(organisation)) {
      throw new IdentityError('UNKNOWN_ORGANISATION', `${organisation} is not a Party code or SECRETARIAT`, 'organisation');
    }
    return organisation;
  }
}

function roles(values: readonly RoleName[]): Role[] {
  return values.map(String).filter(isRole);
}

function toMember(member: MemberView): Member {
  return { ...member, roles: member.roles as unknown as RoleName[] };
}

function toSession(session: Session): AuthSession {
  return {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    refreshToken: session.refreshToken,
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
    member: toMember(session.member),
  };
}

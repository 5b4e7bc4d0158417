import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES } from '../domain/roles';

export enum RoleName {
  drafter = 'drafter',
  national_coordinator = 'national_coordinator',
  reviewer = 'reviewer',
  secretariat_officer = 'secretariat_officer',
  toolkit_expert = 'toolkit_expert',
  observer = 'observer',
}
registerEnumType(RoleName, { name: 'Role', description: `Roles on the platform: ${ROLES.join(', ')}.` });

@ObjectType({ description: 'A Party to the Stockholm Convention.' })
export class Party {
  @Field({ description: 'ISO 3166-1 alpha-3 code (EUU for the European Union).' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'UN regional group.' })
  unRegionalGroup!: string;
}

@ObjectType({ description: 'A person with an account, in their organisation (a Party or the Secretariat).' })
export class Member {
  @Field(() => ID)
  accountId!: string;

  @Field({ description: 'Party code, or SECRETARIAT.' })
  organisation!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => [RoleName])
  roles!: RoleName[];
}

@ObjectType({ description: 'A signed-in session: a short-lived access token and a refresh token.' })
export class AuthSession {
  @Field({ description: 'Send as "Authorization: Bearer <token>" (HTTP) or connection parameter "authorization" (graphql-ws).' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Exchange for a new session with refreshSession before it expires; used once.' })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => Member)
  member!: Member;
}

@ObjectType({ description: 'An invitation; the token is shown once: pass it to the colleague.' })
export class IssuedInvitation {
  @Field(() => ID)
  invitationId!: string;

  @Field()
  token!: string;

  @Field()
  expiresAt!: Date;
}

@InputType()
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

@InputType()
export class InviteMemberInput {
  @Field({ description: 'Party code, or SECRETARIAT; defaults to your own organisation.', nullable: true })
  organisation?: string;

  @Field()
  email!: string;

  @Field(() => [RoleName])
  roles!: RoleName[];
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  token!: string;

  @Field()
  displayName!: string;

  @Field()
  password!: string;
}

@InputType()
export class RoleChangeInput {
  @Field({ nullable: true, description: 'Defaults to your own organisation.' })
  organisation?: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => RoleName)
  role!: RoleName;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}

import { CreateIdentity1764300000100 } from './persistence/1764300000100-create-identity';

export { type Actor, type Role, ROLES, SECRETARIAT, isRole, isSecretariat } from './domain/roles';
export { IdentityError, type IdentityErrorCode } from './domain/identity.errors';
export type { MembershipEvent } from './domain/membership.events';
export { IdentityService, type Session, type MemberView } from './application/identity.service';
export type { IdentityOptions } from './application/identity.options';
export { PartyDirectory, type PartyRecord } from './application/party-directory';
export { seedDemoAccounts, shippedDemoAccounts, type DemoAccount } from './application/demo-accounts';
export { Access, ACCESS_RULE, type AccessRule, describeAccessRule } from './nest/access.decorator';
export { CurrentActor, ClientAddress, type RequestContext } from './nest/request-actor';
export { signedInActor } from './nest/http-actor';
export { IdentityModule } from './nest/identity.module';
export { IdentityResolver } from './graphql/identity.resolver';
export { toGraphqlError as identityErrorToGraphql } from './graphql/identity-error.mapper';

/** This context's migrations, in order. */
export const identityMigrations = [CreateIdentity1764300000100];

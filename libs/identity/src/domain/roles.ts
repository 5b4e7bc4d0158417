/** The roles of the platform (ARCHITECTURE.md, domain words). A person may hold several. */
export const ROLES = ['drafter', 'national_coordinator', 'reviewer', 'secretariat_officer', 'toolkit_expert', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** The Convention Secretariat is an organisation of its own, beside the Parties. */
export const SECRETARIAT = 'SECRETARIAT';

/** Roles only the Secretariat holds and grants. */
export const SECRETARIAT_ROLES: readonly Role[] = ['secretariat_officer', 'toolkit_expert'];

/** Roles a national coordinator may grant within their own Party. */
export const PARTY_ROLES: readonly Role[] = ['drafter', 'national_coordinator', 'reviewer', 'observer'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who acts: the authenticated person, their organisation (Party code or SECRETARIAT) and roles. */
export interface Actor {
  accountId: string;
  organisation: string;
  roles: readonly Role[];
}

export function isSecretariat(actor: Actor): boolean {
  return actor.organisation === SECRETARIAT;
}

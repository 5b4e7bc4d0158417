export type IdentityErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'EMAIL_TAKEN'
  | 'INVITATION_NOT_FOUND'
  | 'INVITATION_EXPIRED'
  | 'MEMBER_NOT_FOUND'
  | 'ROLE_NOT_GRANTABLE'
  | 'ROLE_ALREADY_HELD'
  | 'ROLE_NOT_HELD'
  | 'LAST_COORDINATOR'
  | 'UNKNOWN_ORGANISATION';

/** A refusal of the identity context, with the input field it concerns when there is one. */
export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    readonly field?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

import { GraphQLError } from 'graphql';
import { IdentityError, type IdentityErrorCode } from '../domain/identity.errors';

/** How each refusal reaches a client: the code it sees (extensions.code) and the HTTP-like status class. */
function presentation(code: IdentityErrorCode): { code: string; status: number } {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return { code, status: 401 };
    case 'FORBIDDEN':
    case 'ROLE_NOT_GRANTABLE':
    case 'ACCOUNT_LOCKED':
      return { code, status: 403 };
    case 'RATE_LIMITED':
      return { code, status: 429 };
    case 'BAD_USER_INPUT':
    case 'EMAIL_TAKEN':
    case 'INVITATION_NOT_FOUND':
    case 'INVITATION_EXPIRED':
    case 'MEMBER_NOT_FOUND':
    case 'ROLE_ALREADY_HELD':
    case 'ROLE_NOT_HELD':
    case 'LAST_COORDINATOR':
    case 'UNKNOWN_ORGANISATION':
      return { code, status: 400 };
    default: {
      const unmapped: never = code;
      throw new Error(`identity error code without a mapping: ${String(unmapped)}`);
    }
  }
}

/** Turns an identity refusal into a GraphQL error with its code and field; other errors pass. */
export function toGraphqlError(error: unknown): GraphQLError | undefined {
  if (!(error instanceof IdentityError)) return undefined;
  const { code, status } = presentation(error.code);
  return new GraphQLError(error.message, {
    extensions: { code, status, ...(error.field ? { field: error.field } : {}), ...error.details },
  });
}

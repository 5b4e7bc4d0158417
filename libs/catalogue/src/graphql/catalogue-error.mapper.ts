import { GraphQLError } from 'graphql';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue.errors';

/** The client-facing code of each refusal; a new code without a line here fails to compile. */
function clientCode(code: CatalogueErrorCode): string {
  switch (code) {
    case CatalogueErrorCode.EDITION_NOT_FOUND:
    case CatalogueErrorCode.CATEGORY_NOT_FOUND:
    case CatalogueErrorCode.CLASS_NOT_FOUND:
    case CatalogueErrorCode.SUBSTANCE_NOT_FOUND:
    case CatalogueErrorCode.FACTOR_NOT_FOUND:
    case CatalogueErrorCode.EDITION_EXISTS:
    case CatalogueErrorCode.CATEGORY_EXISTS:
    case CatalogueErrorCode.CLASS_EXISTS:
    case CatalogueErrorCode.SUBSTANCE_EXISTS:
    case CatalogueErrorCode.EDITION_PUBLISHED:
    case CatalogueErrorCode.EDITION_NOT_PUBLISHED:
    case CatalogueErrorCode.EDITION_EMPTY:
    case CatalogueErrorCode.GROUP_CONFLICT:
    case CatalogueErrorCode.INVALID_FACTOR:
    case CatalogueErrorCode.REASON_REQUIRED:
    case CatalogueErrorCode.REFERENCE_REQUIRED:
      return code;
    case CatalogueErrorCode.INVALID_INPUT:
      return 'BAD_USER_INPUT';
    default: {
      const unmapped: never = code;
      throw new Error(`catalogue error code without a mapping: ${String(unmapped)}`);
    }
  }
}

export function catalogueErrorToGraphql(error: unknown): GraphQLError | undefined {
  if (!(error instanceof CatalogueError)) return undefined;
  return new GraphQLError(error.message, { extensions: { code: clientCode(error.code), field: error.field } });
}

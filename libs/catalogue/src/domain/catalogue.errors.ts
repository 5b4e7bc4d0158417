/** Why the catalogue refused a command. Mapped once, exhaustively, to API errors. */
export enum CatalogueErrorCode {
  EDITION_NOT_FOUND = 'EDITION_NOT_FOUND',
  EDITION_EXISTS = 'EDITION_EXISTS',
  EDITION_PUBLISHED = 'EDITION_PUBLISHED',
  EDITION_NOT_PUBLISHED = 'EDITION_NOT_PUBLISHED',
  EDITION_EMPTY = 'EDITION_EMPTY',
  CATEGORY_NOT_FOUND = 'CATEGORY_NOT_FOUND',
  CATEGORY_EXISTS = 'CATEGORY_EXISTS',
  GROUP_CONFLICT = 'GROUP_CONFLICT',
  CLASS_NOT_FOUND = 'CLASS_NOT_FOUND',
  CLASS_EXISTS = 'CLASS_EXISTS',
  SUBSTANCE_NOT_FOUND = 'SUBSTANCE_NOT_FOUND',
  SUBSTANCE_EXISTS = 'SUBSTANCE_EXISTS',
  FACTOR_NOT_FOUND = 'FACTOR_NOT_FOUND',
  INVALID_FACTOR = 'INVALID_FACTOR',
  INVALID_INPUT = 'INVALID_INPUT',
  REASON_REQUIRED = 'REASON_REQUIRED',
  REFERENCE_REQUIRED = 'REFERENCE_REQUIRED',
}

/**
 * A refused command: the code, the offending field (a path into the command, e.g.
 * "factor.value" or "snapshot.factors[12].unit"), and a sentence for people.
 */
export class CatalogueError extends Error {
  constructor(
    readonly code: CatalogueErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogueError';
  }

  /** The same error, seen from an enclosing command (e.g. one item of an import). */
  within(prefix: string): CatalogueError {
    return new CatalogueError(this.code, `${prefix}.${this.field}`, this.message);
  }
}

import { GraphQLError } from 'graphql';
import { WrongExpectedVersion } from '@upops/event-store';
import { InventoryCommandsRejected } from '../application/inventory-commands-rejected';
import { InventoryError, InventoryErrorCode, isLineConflict, isOverrideConflict } from '../domain/inventory.errors';
import { toLine, toOverride } from './inventory.mapper';

/** The client-facing code of each refusal; a new code without a line here fails to compile. */
function clientCode(code: InventoryErrorCode): string {
  switch (code) {
    case InventoryErrorCode.LINE_CONFLICT:
    case InventoryErrorCode.OVERRIDE_CONFLICT:
      return 'CONFLICT';
    case InventoryErrorCode.FORBIDDEN:
      return 'FORBIDDEN';
    case InventoryErrorCode.INVALID_INPUT:
      return 'BAD_USER_INPUT';
    case InventoryErrorCode.INVENTORY_NOT_FOUND:
    case InventoryErrorCode.INVENTORY_EXISTS:
    case InventoryErrorCode.INVENTORY_CLOSED:
    case InventoryErrorCode.INVENTORY_NOT_CLOSED:
    case InventoryErrorCode.LINE_NOT_FOUND:
    case InventoryErrorCode.LINE_EXISTS:
    case InventoryErrorCode.LINE_DUPLICATE:
    case InventoryErrorCode.INVALID_ACTIVITY:
    case InventoryErrorCode.UNIT_UNKNOWN:
    case InventoryErrorCode.UNIT_INCOMPATIBLE:
    case InventoryErrorCode.CLASS_NOT_FOUND:
    case InventoryErrorCode.CATEGORY_NOT_FOUND:
    case InventoryErrorCode.CATEGORY_NOT_OCCURRING:
    case InventoryErrorCode.CATEGORY_HAS_ACTIVITY:
    case InventoryErrorCode.CATEGORY_ALREADY_MARKED:
    case InventoryErrorCode.CATEGORY_NOT_MARKED:
    case InventoryErrorCode.EDITION_NOT_PUBLISHED:
    case InventoryErrorCode.EDITION_UNCHANGED:
    case InventoryErrorCode.EDITION_LACKS_CLASSES:
    case InventoryErrorCode.TEF_SCHEME_NOT_FOUND:
    case InventoryErrorCode.INVALID_FACTOR:
    case InventoryErrorCode.OVERRIDE_NOT_FOUND:
    case InventoryErrorCode.OVERRIDE_EXISTS:
    case InventoryErrorCode.JUSTIFICATION_REQUIRED:
    case InventoryErrorCode.REFERENCE_REQUIRED:
    case InventoryErrorCode.EXPLANATION_REQUIRED:
    case InventoryErrorCode.NOTE_REQUIRED:
    case InventoryErrorCode.REASON_REQUIRED:
      return code;
    default: {
      const unmapped: never = code;
      throw new Error(`inventory error code without a mapping: ${String(unmapped)}`);
    }
  }
}

/** A refusal as a GraphQL error: code, field, the domain reason and, for conflicts, what is there now. */
export function inventoryErrorToGraphql(error: unknown): GraphQLError | undefined {
  if (error instanceof InventoryCommandsRejected) {
    const rows = error.rejections.map((r) => ({ index: r.index, code: r.error.code, field: r.error.field, reason: r.error.message }));
    return new GraphQLError(error.message, { extensions: { code: 'IMPORT_REJECTED', field: 'rows', rows } });
  }
  if (error instanceof WrongExpectedVersion) {
    // Only after many re-decided attempts: other processes kept writing the same inventory.
    return new GraphQLError('The inventory is being edited very busily; nothing was written, please retry.', {
      extensions: { code: 'BUSY', field: 'inventoryId', retryable: true },
    });
  }
  if (!(error instanceof InventoryError)) return undefined;
  const extensions: Record<string, unknown> = { code: clientCode(error.code), field: error.field, reason: error.code };
  if (isLineConflict(error)) {
    extensions.expectedRevision = error.conflict.expectedRevision;
    extensions.actualRevision = error.conflict.actualRevision;
    extensions.currentLine = toLine(error.conflict.currentLine);
  }
  if (isOverrideConflict(error)) {
    extensions.currentOverride = error.conflict.currentOverride ? toOverride(error.conflict.currentOverride) : null;
  }
  return new GraphQLError(error.message, { extensions });
}

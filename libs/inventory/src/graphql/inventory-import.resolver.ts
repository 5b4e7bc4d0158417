import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { InventoryCommandsRejected } from '../application/inventory-commands-rejected';
import { InventoryService } from '../application/inventory.service';
import { INVENTORY_EDITOR_ROLES } from '../domain/inventory-access';
import { type ActivityFileRows, readActivityCsv, readActivityXlsx } from '../exchange/activity-import';
import { type RowProblem, parseActivityRows } from '../exchange/activity-sheet';
import { formatPosition } from './read-your-writes';
import { ActivityImportType } from './inventory.types';

/** Largest file accepted (base64 text), so one upload cannot exhaust the api's memory. */
const MAX_BASE64_LENGTH = 20 * 1024 * 1024;

const COLUMN_OF_FIELD: Record<string, string> = {
  classCode: 'class',
  activityRate: 'activity_rate',
  unit: 'unit',
  lineId: 'line_id',
  facilityName: 'facility_name',
  dataSource: 'data_source',
  note: 'note',
};

@Resolver()
export class InventoryImportResolver {
  constructor(@Inject(InventoryService) private readonly inventories: InventoryService) {}

  @Mutation(() => ActivityImportType, {
    description:
      'Imports activity lines from the activity template (CSV, or XLSX with one sheet per source group) as one edit. ' +
      'Any bad row rejects the file: the error (IMPORT_REJECTED) lists every row, column and reason in extensions.rows; nothing is written.',
  })
  @Access.roles(...INVENTORY_EDITOR_ROLES)
  async importActivityLines(
    @CurrentActor() actor: Actor,
    @Args('inventoryId') inventoryId: string,
    @Args('format', { description: 'csv or xlsx' }) format: string,
    @Args('fileBase64') fileBase64: string,
    @Args('commandId', { type: () => String, nullable: true }) commandId?: string | null,
  ): Promise<ActivityImportType> {
    if (fileBase64.length > MAX_BASE64_LENGTH) throw badInput('fileBase64', 'The file is too large (20 MB of base64 at most).');
    const file = await read(format, Buffer.from(fileBase64, 'base64'));
    const parsed = parseActivityRows(file.rows, randomUUID, file.headersBySheet);
    if (!parsed.ok) throw rejected(parsed.problems);
    if (parsed.rows.length === 0) throw badInput('fileBase64', 'The file has no filled-in row (an activity rate in at least one row).');
    try {
      const edit = await this.inventories.editAll(actor, inventoryId, parsed.rows.map((r) => r.command), commandId);
      return { inventoryId, version: edit.version, linesRecorded: parsed.rows.length, position: formatPosition(edit.checkpoint) };
    } catch (error) {
      if (!(error instanceof InventoryCommandsRejected)) throw error;
      throw rejected(
        error.rejections.map(({ index, error: refusal }) => ({
          sheet: parsed.rows[index].sheet,
          row: parsed.rows[index].row,
          column: COLUMN_OF_FIELD[refusal.field.split('.').pop() ?? ''] ?? refusal.field,
          reason: refusal.message,
        })),
      );
    }
  }
}

async function read(format: string, content: Buffer): Promise<ActivityFileRows> {
  try {
    if (format === 'csv') return readActivityCsv(content);
    if (format === 'xlsx') return await readActivityXlsx(content);
  } catch (error) {
    throw badInput('fileBase64', `The file cannot be read as ${format}: ${(error as Error).message}`);
  }
  throw badInput('format', 'The format is csv or xlsx.');
}

function rejected(problems: RowProblem[]): GraphQLError {
  return new GraphQLError(`The file has ${problems.length} problem(s); nothing was imported`, {
    extensions: { code: 'IMPORT_REJECTED', field: 'fileBase64', rows: problems },
  });
}

function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

import type { PoolClient } from 'pg';
import type { EditionState } from '@upops/catalogue';
import type { RecordedEvent, SubscriptionHandler } from '@upops/event-store';
import { type InventoryReleases, inventoryReleases } from '../domain/inventory-releases';
import { INVENTORY_STREAM_TYPE, type InventoryEvent } from '../domain/inventory.events';
import { type InventoryState, type OpenedInventory, NO_INVENTORY, evolve, isOpened } from '../domain/inventory.state';

export const INVENTORY_READ_MODEL = 'inventory-read-model';
/** Channel of the notification sent (at commit) after an inventory's read model changed. */
export const INVENTORY_CHANGED_CHANNEL = 'upops_inventory_changed';

export type EditionSource = (editionId: string) => Promise<EditionState | undefined>;

/** What listeners of INVENTORY_CHANGED_CHANNEL receive (JSON). */
export interface InventoryChangedNotice {
  inventoryId: string;
  party: string;
  version: number;
  eventTypes: string[];
  actor: string;
}

/**
 * Keeps inv_inventories and inv_lines: per batch, each touched inventory's state is brought
 * forward from its stored state, every line is recomputed under the inventory's edition (an
 * override, an edition switch or a class change may move any line's releases), and the totals
 * are stored with the event position they reflect. Listeners are told after the commit.
 */
export class InventoryProjection implements SubscriptionHandler {
  readonly name = INVENTORY_READ_MODEL;
  readonly streamTypes = [INVENTORY_STREAM_TYPE];

  constructor(private readonly edition: EditionSource) {}

  async handle(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const byInventory = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = inventoryIdOf(event);
      const list = byInventory.get(id) ?? [];
      list.push(event);
      byInventory.set(id, list);
    }
    for (const [inventoryId, recorded] of byInventory) await this.project(inventoryId, recorded, tx);
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('DELETE FROM inv_inventories');
  }

  private async project(inventoryId: string, recorded: RecordedEvent[], tx: PoolClient): Promise<void> {
    const { rows } = await tx.query<{ state: OpenedInventory }>('SELECT state FROM inv_inventories WHERE inventory_id = $1', [inventoryId]);
    const before: InventoryState = rows[0]?.state ?? NO_INVENTORY;
    // A batch may repeat events already applied only after a crash between batches; versions tell.
    const fresh = recorded.filter((e) => e.streamVersion > before.version);
    const state = fresh.reduce<InventoryState>((s, e) => evolve(s, e as unknown as InventoryEvent), before);
    if (!isOpened(state) || fresh.length === 0) return;
    const edition = await this.edition(state.editionId);
    if (!edition) throw new Error(`inventory ${inventoryId} refers to edition ${state.editionId}, which the catalogue does not hold`);
    const releases = inventoryReleases(state, edition);
    const last = fresh[fresh.length - 1];
    await writeInventory(tx, state, releases, last);
    await writeLines(tx, state, releases, edition);
    const notice: InventoryChangedNotice = {
      inventoryId,
      party: state.party,
      version: state.version,
      eventTypes: [...new Set(fresh.map((e) => e.type))],
      actor: last.metadata.actor,
    };
    await tx.query('SELECT pg_notify($1, $2)', [INVENTORY_CHANGED_CHANNEL, JSON.stringify(notice)]);
  }
}

function inventoryIdOf(event: RecordedEvent): string {
  const data = event.data as { inventoryId?: string };
  return data.inventoryId ?? event.streamId.replace(/^inventory-/, '');
}

async function writeInventory(tx: PoolClient, state: OpenedInventory, releases: InventoryReleases, last: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO inv_inventories (inventory_id, party, reference_year, edition_id, tef_scheme, status, opened_at, updated_at, updated_by,
                                  version, line_count, state, totals, uncalculated, last_transaction_id, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text::xid8, $16)
     ON CONFLICT (inventory_id) DO UPDATE SET
       edition_id = EXCLUDED.edition_id, tef_scheme = EXCLUDED.tef_scheme, status = EXCLUDED.status,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, version = EXCLUDED.version,
       line_count = EXCLUDED.line_count, state = EXCLUDED.state, totals = EXCLUDED.totals,
       uncalculated = EXCLUDED.uncalculated, last_transaction_id = EXCLUDED.last_transaction_id,
       last_position = EXCLUDED.last_position`,
    [
      state.inventoryId,
      state.party,
      state.referenceYear,
      state.editionId,
      state.tefScheme,
      state.status,
      state.openedAt,
      last.recordedAt,
      last.metadata.actor,
      state.version,
      Object.keys(state.lines).length,
      JSON.stringify(state),
      JSON.stringify(releases.totals),
      JSON.stringify(releases.uncalculated),
      last.transactionId.toString(),
      last.globalPosition.toString(),
    ],
  );
}

async function writeLines(tx: PoolClient, state: OpenedInventory, releases: InventoryReleases, edition: EditionState): Promise<void> {
  const lines = Object.values(state.lines);
  const cells = new Map(releases.lines.map((r) => [r.lineId, r.cells]));
  await tx.query('DELETE FROM inv_lines WHERE inventory_id = $1 AND NOT (line_id = ANY($2::text[]))', [state.inventoryId, lines.map((l) => l.lineId)]);
  if (lines.length === 0) return;
  await tx.query(
    `INSERT INTO inv_lines (inventory_id, line_id, party, group_code, category_code, class_code, facility_name, activity_rate, unit,
                            data_source, note, revision, cells)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[],
                              $10::text[], $11::text[], $12::int[], $13::jsonb[])
     ON CONFLICT (inventory_id, line_id) DO UPDATE SET
       group_code = EXCLUDED.group_code, category_code = EXCLUDED.category_code, class_code = EXCLUDED.class_code,
       facility_name = EXCLUDED.facility_name, activity_rate = EXCLUDED.activity_rate, unit = EXCLUDED.unit,
       data_source = EXCLUDED.data_source, note = EXCLUDED.note, revision = EXCLUDED.revision, cells = EXCLUDED.cells`,
    [
      state.inventoryId,
      lines.map((l) => l.lineId),
      lines.map(() => state.party),
      lines.map((l) => edition.categories[l.categoryCode]?.groupCode ?? ''),
      lines.map((l) => l.categoryCode),
      lines.map((l) => l.classCode),
      lines.map((l) => l.facilityName),
      lines.map((l) => l.activityRate),
      lines.map((l) => l.unit),
      lines.map((l) => l.dataSource),
      lines.map((l) => l.note),
      lines.map((l) => l.revision),
      lines.map((l) => JSON.stringify(cells.get(l.lineId) ?? null)),
    ],
  );
}

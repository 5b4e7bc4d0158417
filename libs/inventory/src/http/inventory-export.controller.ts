import { Controller, Get, Headers, HttpException, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { EditionState } from '@upops/catalogue';
import { IdentityService, signedInActor } from '@upops/identity';
import { InventoryQueries } from '../application/inventory-queries';
import type { InventoryView } from '../application/inventory-views';
import { InventoryError } from '../domain/inventory.errors';
import { exportActivityTemplateXlsx } from '../exchange/activity-template';
import { exportInventoryCsv, exportInventoryXlsx } from '../exchange/inventory-export';

/**
 * An inventory with its releases as a file (Authorization: Bearer <access token>): CSV, or XLSX
 * with a summary and one sheet per source group. The same checks as the GraphQL queries apply.
 */
@Controller('inventories')
export class InventoryExportController {
  constructor(
    @Inject(InventoryQueries) private readonly queries: InventoryQueries,
    @Inject(IdentityService) private readonly identity: IdentityService,
  ) {}

  /** The empty activity template of a published edition (one sheet per source group); open to all. */
  @Get('template/:editionId')
  async template(@Param('editionId') editionId: string, @Res() res: Response): Promise<void> {
    const edition = await this.queries.edition(editionId);
    if (edition?.edition.status !== 'published') throw new HttpException({ code: 'EDITION_NOT_FOUND', message: `no published edition ${editionId}` }, 404);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="activity-template-${fileName(editionId)}.xlsx"`);
    await exportActivityTemplateXlsx(edition, res);
  }

  @Get(':inventoryId/export.csv')
  async csv(@Param('inventoryId') inventoryId: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const { view, edition } = await this.readable(inventoryId, authorization);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="inventory-${fileName(inventoryId)}.csv"`);
    res.send(exportInventoryCsv(view, edition));
  }

  @Get(':inventoryId/export.xlsx')
  async xlsx(@Param('inventoryId') inventoryId: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const { view, edition } = await this.readable(inventoryId, authorization);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="inventory-${fileName(inventoryId)}.xlsx"`);
    await exportInventoryXlsx(view, edition, res);
  }

  private async readable(inventoryId: string, authorization: string | undefined): Promise<{ view: InventoryView; edition: EditionState }> {
    const actor = signedInActor(this.identity, authorization);
    let view: InventoryView | undefined;
    try {
      view = await this.queries.current(actor, inventoryId);
    } catch (error) {
      if (error instanceof InventoryError) throw new HttpException({ code: error.code, message: error.message }, 403);
      throw error;
    }
    if (!view) throw new HttpException({ code: 'INVENTORY_NOT_FOUND', message: `no inventory ${inventoryId}` }, 404);
    const edition = await this.queries.edition(view.editionId);
    if (!edition) throw new HttpException({ code: 'EDITION_NOT_FOUND', message: `no edition ${view.editionId}` }, 404);
    return { view, edition };
  }
}

function fileName(inventoryId: string): string {
  return inventoryId.replace(/[^A-Za-z0-9._-]/g, '_');
}

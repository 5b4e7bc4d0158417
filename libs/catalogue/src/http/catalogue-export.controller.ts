import { Controller, Get, Headers, HttpException, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IdentityService } from '@upops/identity';
import { CatalogueService } from '../application/catalogue.service';
import type { EditionState } from '../domain/catalogue.state';
import { exportEditionCsv } from '../exchange/edition-csv.export';
import { exportEditionXlsx } from '../exchange/edition-xlsx.export';

/**
 * The emission factor table of an edition as a file, in the Toolkit's layout: CSV, or XLSX
 * streamed sheet by sheet. Published editions are open to all; drafts need a Toolkit expert's
 * or Secretariat officer's token (Authorization: Bearer).
 */
@Controller('catalogue/editions')
export class CatalogueExportController {
  constructor(
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
    @Inject(IdentityService) private readonly identity: IdentityService,
  ) {}

  @Get(':editionId/factors.csv')
  async csv(@Param('editionId') editionId: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const edition = await this.visible(editionId, authorization);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${fileName(editionId)}.csv"`);
    res.send(exportEditionCsv(edition));
  }

  @Get(':editionId/factors.xlsx')
  async xlsx(@Param('editionId') editionId: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const edition = await this.visible(editionId, authorization);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${fileName(editionId)}.xlsx"`);
    await exportEditionXlsx(edition, res);
  }

  private async visible(editionId: string, authorization: string | undefined): Promise<EditionState> {
    const edition = await this.catalogue.edition(editionId);
    if (!edition) throw new HttpException({ code: 'EDITION_NOT_FOUND', message: `no edition ${editionId}` }, 404);
    if (edition.edition.status === 'published') return edition;
    const actor = this.identity.actorOfAuthorization(authorization);
    if (!actor?.roles.some((role) => role === 'toolkit_expert' || role === 'secretariat_officer')) {
      throw new HttpException({ code: 'EDITION_NOT_FOUND', message: `no edition ${editionId}` }, 404);
    }
    return edition;
  }
}

function fileName(editionId: string): string {
  return `emission-factors-${editionId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { CatalogueService } from '../application/catalogue.service';
import { importEditionXlsx } from '../exchange/edition-xlsx.import';
import { toEdition } from './catalogue.mapper';
import { EditionType } from './catalogue.types';

/** Largest workbook accepted (base64 text), so one upload cannot exhaust the api's memory. */
const MAX_BASE64_LENGTH = 20 * 1024 * 1024;

@Resolver()
export class CatalogueImportResolver {
  constructor(@Inject(CatalogueService) private readonly catalogue: CatalogueService) {}

  @Mutation(() => EditionType, {
    description:
      'Imports an emission factor workbook (the Toolkit layout, or an Annex 4 compilation) as a new draft edition. ' +
      'Any bad row rejects the whole file: the error lists every row (extensions.rows) and nothing is written.',
  })
  @Access.roles('toolkit_expert', 'secretariat_officer')
  async importEditionWorkbook(
    @CurrentActor() actor: Actor,
    @Args('editionId') editionId: string,
    @Args('title') title: string,
    @Args('reason') reason: string,
    @Args('workbookBase64') workbookBase64: string,
  ): Promise<EditionType> {
    if (workbookBase64.length > MAX_BASE64_LENGTH) {
      throw new GraphQLError('The workbook is too large (20 MB of base64 at most)', { extensions: { code: 'BAD_USER_INPUT', field: 'workbookBase64' } });
    }
    const result = await importEditionXlsx(Buffer.from(workbookBase64, 'base64'), { editionId, title, reason });
    if (!result.ok) {
      throw new GraphQLError(`The workbook has ${result.errors.length} bad row(s); nothing was imported`, {
        extensions: { code: 'IMPORT_REJECTED', field: 'workbookBase64', rows: result.errors },
      });
    }
    await this.catalogue.execute(result.value, actor);
    const edition = await this.catalogue.edition(editionId);
    if (!edition) throw new Error(`edition ${editionId} missing right after its import`);
    return toEdition(edition.edition);
  }
}

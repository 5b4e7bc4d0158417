// The catalogue's public API: Toolkit vocabulary, the sheet parsers, the decider, and read-side
// helpers. Pure, except shipped-data (reads the data folder).
export * from './domain/catalogue.types';
export * from './domain/catalogue.events';
export type {
  AddSourceCategory,
  AddSourceClass,
  AddSubstance,
  CatalogueCommand,
  DraftEdition,
  ImportEditionSnapshot,
  PublishEdition,
  SetEmissionFactor,
  WithdrawEmissionFactor,
} from './domain/catalogue.commands';
export { CatalogueError, CatalogueErrorCode } from './domain/catalogue.errors';
export { initialCatalogueState, factorKey, factorOf, type CatalogueState, type EditionState } from './domain/catalogue.state';
export { evolve, replay } from './domain/evolve';
export { decide } from './domain/decide';
export type { Decision } from './domain/decision';

export { parseCsv, type CsvRecord, type CsvError, type CsvResult } from './domain/csv';
export type { Sheet, RowError, ParseResult } from './domain/sheet';
export { parseCatalogueSheets, FACTOR_SHEET_COLUMNS, type CatalogueParseOptions } from './domain/catalogue-data.parser';
export { parseTefSheet, TEF_SHEET_COLUMNS, lowerConfidence } from './domain/tef-data.parser';
export { parseAnnexCMapping, parseAnnexCParts } from './domain/annex-c.parser';
export { parseFactorCell, formatFactorValue, hasNumber } from './domain/factor-cell';
export { parseVectorConfidence, ROW_CONFIDENCE } from './domain/vector-confidence';
export { TOOLKIT_SUBSTANCES, SUBSTANCE_LABELS } from './domain/substances';
export { loadShippedCatalogue, SHIPPED_FILES, type ShippedCatalogue, type ShippedFile } from './domain/shipped-catalogue';

export { teqOf, type CongenerProfile, type TeqContribution, type TeqError, type TeqResult } from './domain/teq';
export { diffEditions, isEmptyDiff, type Change, type EditionDiff, type SetDiff } from './domain/edition-diff';
export {
  buildEditionTree,
  countFactors,
  compareCodes,
  type CategoryNode,
  type ClassNode,
  type EditionTree,
  type FactorCounts,
  type GroupNode,
} from './domain/edition-tree';

export { shippedCatalogue, readShippedFile, SHIPPED_DATA_DIR } from './shipped-data';

export { CatalogueService, type CatalogueActor } from './application/catalogue.service';
export { ensureShippedEdition, SHIPPED_EDITION_ID, SHIPPED_EDITION_TITLE } from './application/shipped-edition';
export { CatalogueModule } from './nest/catalogue.module';
export { CatalogueResolver } from './graphql/catalogue.resolver';
export { CatalogueImportResolver } from './graphql/catalogue-import.resolver';
export { catalogueErrorToGraphql } from './graphql/catalogue-error.mapper';
export { exportEditionCsv } from './exchange/edition-csv.export';
export { exportEditionXlsx, type EditionXlsxExportOptions } from './exchange/edition-xlsx.export';
export { importEditionXlsx, WORKBOOK, type EditionXlsxImport, type EditionXlsxTarget } from './exchange/edition-xlsx.import';
export { CatalogueExportController } from './http/catalogue-export.controller';
export { groupWorksheetName } from './exchange/worksheet-name';
export { cellText } from './exchange/worksheet-cell-text';
export { csvLine } from './exchange/csv-line';

import { parseAnnexCMapping, parseAnnexCParts } from './annex-c.parser';
import { parseCatalogueSheets } from './catalogue-data.parser';
import type { AnnexCItem, AnnexCMapping, CatalogueSnapshot, TefScheme } from './catalogue.types';
import type { ParseResult, RowError } from './sheet';
import { parseTefSheet } from './tef-data.parser';

/** The files under libs/catalogue/data that make up the shipped catalogue. */
export const SHIPPED_FILES = {
  classes: 'classes.csv',
  otherUpops: 'other_upops.csv',
  tef: 'tef.csv',
  annexCMapping: 'annex-c-mapping.csv',
  annexCParts: 'annex-c-parts.csv',
} as const;
export type ShippedFile = (typeof SHIPPED_FILES)[keyof typeof SHIPPED_FILES];

export interface ShippedCatalogue {
  /** The content of the initial edition: PCDD/PCDF (classes.csv), then other uPOPs. */
  snapshot: CatalogueSnapshot;
  tefSchemes: TefScheme[];
  annexCMapping: AnnexCMapping[];
  annexC: AnnexCItem[];
}

/**
 * Parses the shipped data from its text. The caller reads the files (see shipped-data.ts), so
 * the domain stays free of I/O and tests can hand in altered copies.
 */
export function loadShippedCatalogue(readText: (file: ShippedFile) => string): ParseResult<ShippedCatalogue> {
  const sheet = (name: ShippedFile) => ({ name, text: readText(name) });
  const snapshot = parseCatalogueSheets([sheet(SHIPPED_FILES.classes), sheet(SHIPPED_FILES.otherUpops)]);
  const tefSchemes = parseTefSheet(sheet(SHIPPED_FILES.tef));
  const annexCMapping = parseAnnexCMapping(sheet(SHIPPED_FILES.annexCMapping));
  const annexC = parseAnnexCParts(sheet(SHIPPED_FILES.annexCParts));

  if (!snapshot.ok || !tefSchemes.ok || !annexCMapping.ok || !annexC.ok) {
    const errors: RowError[] = [snapshot, tefSchemes, annexCMapping, annexC].flatMap((r) => (r.ok ? [] : r.errors));
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { snapshot: snapshot.value, tefSchemes: tefSchemes.value, annexCMapping: annexCMapping.value, annexC: annexC.value },
  };
}

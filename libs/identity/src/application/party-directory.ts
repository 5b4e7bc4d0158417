import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SECRETARIAT } from '../domain/roles';

export interface PartyRecord {
  code: string;
  name: string;
  unRegionalGroup: string;
  kind: string;
}

/** The Parties to the Stockholm Convention, from the committed `data/parties.csv`. */
export class PartyDirectory {
  private readonly byCode: Map<string, PartyRecord>;

  constructor(parties: readonly PartyRecord[]) {
    this.byCode = new Map(parties.map((p) => [p.code, p]));
  }

  static fromCsv(text: string): PartyDirectory {
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    return new PartyDirectory(rows.map((r) => ({ code: r.code, name: r.name, unRegionalGroup: r.un_regional_group, kind: r.kind })));
  }

  static shipped(): PartyDirectory {
    return PartyDirectory.fromCsv(readFileSync(join(__dirname, '..', '..', 'data', 'parties.csv'), 'utf8'));
  }

  all(): PartyRecord[] {
    return [...this.byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  get(code: string): PartyRecord | undefined {
    return this.byCode.get(code);
  }

  /** A Party code or the Secretariat. */
  isOrganisation(code: string): boolean {
    return code === SECRETARIAT || this.byCode.has(code);
  }
}

import type { LineResult, ReleaseCell } from '@upops/calculation';
import { compareText, finding, formatNumber } from './qaqc-finding';
import type { QaqcFinding, QaqcInput, QaqcOptions } from './qaqc.types';

/** The substance whose national total the Convention's reporting follows, and the default in ND labels. */
export const NATIONAL_TOTAL_SUBSTANCE = 'PCDD/PCDF';

/** More ND cells than this are counted, not listed: the message must stay readable. */
export const ND_CELLS_LISTED = 30;

/** Annex C Part II references read "II(a)", "II(d)(iv)"; "III(b)" is Part III. */
const PART_II_REF = 'II(';

/**
 * TOTAL_JUMP: the national PCDD/PCDF total against the previous inventory's. `grams` is the sum
 * of point releases (the Total has no central value of a range), the same figure a previous
 * inventory's total is kept as. With no previous total, or a previous total of 0, there is no
 * ratio to form: no finding (a first non-zero total is not a jump of any size).
 */
export function totalJump(input: QaqcInput, options: QaqcOptions): QaqcFinding[] {
  const previous = input.previous;
  if (previous === null || !(previous.nationalTotalGrams > 0)) return [];
  const national = input.releases.totals.nation.find((t) => t.substance === NATIONAL_TOTAL_SUBSTANCE);
  const current = national?.grams ?? 0;
  const factor = options.totalJumpFactor;
  // Multiplying instead of dividing keeps the edge exact: a total exactly `factor` times the
  // previous one is not a jump, and 0.1 x 10 is 1 where 1 / 10 need not compare equal.
  const up = current > previous.nationalTotalGrams * factor;
  const down = current * factor < previous.nationalTotalGrams;
  if (!up && !down) return [];
  const ratio = current / previous.nationalTotalGrams;
  return [
    finding(
      'TOTAL_JUMP',
      { kind: 'inventory' },
      `The national PCDD/PCDF total is ${formatNumber(current)} g TEQ/a for ${input.inventory.referenceYear}, ` +
        `${formatNumber(ratio)} times the ${formatNumber(previous.nationalTotalGrams)} g TEQ/a of ${previous.referenceYear} ` +
        `(inventory ${previous.inventoryId}): a change of more than ${formatNumber(factor)}-fold ${up ? 'up' : 'down'}. ` +
        'Explain it (new sources, better data, a changed edition) or check the lines that moved most.',
    ),
  ];
}

/**
 * ANNEX_C_PART_II_NOT_ADDRESSED: Part II sources are the ones the Convention names first; each
 * must be estimated or stated not occurring, silence is not an answer. Only categories of the
 * inventory's edition count: a mapping row for a category the edition lacks cannot be met.
 */
export function annexCPartIINotAddressed(input: QaqcInput): QaqcFinding[] {
  const { inventory, edition, annexC } = input;
  const estimated = new Set(Object.values(inventory.lines).map((l) => l.categoryCode));
  return annexC
    .filter((m) => m.refs.some((ref) => ref.startsWith(PART_II_REF)))
    .filter((m) => edition.categories[m.categoryCode] !== undefined)
    .filter((m) => !estimated.has(m.categoryCode) && inventory.notOccurring[m.categoryCode] === undefined)
    .map((m) =>
      finding(
        'ANNEX_C_PART_II_NOT_ADDRESSED',
        { kind: 'category', categoryCode: m.categoryCode },
        `Category ${m.categoryCode} (${edition.categories[m.categoryCode].name}, Annex C ${m.annexC}) is neither estimated nor marked not occurring. ` +
          'Record its activity, or mark it not occurring with a note.',
      ),
    );
}

/**
 * ND_CELLS: ND means the vector may matter but no factor exists, so the totals are short by an
 * unknown amount; the Party should say so. One finding for the inventory, each class, vector and
 * substance listed once (lines of one class share the class's ND cells), in line order.
 */
export function ndCells(input: QaqcInput): QaqcFinding[] {
  const labels = new Set<string>();
  for (const line of input.releases.lines) {
    for (const cell of line.cells) if (cell.release.kind === 'ND') labels.add(ndLabel(line, cell));
  }
  if (labels.size === 0) return [];
  const all = [...labels];
  const listed = all.slice(0, ND_CELLS_LISTED).join(', ');
  const more = all.length > ND_CELLS_LISTED ? ` and ${all.length - ND_CELLS_LISTED} more` : '';
  return [
    finding(
      'ND_CELLS',
      { kind: 'inventory' },
      `${all.length} release ${all.length === 1 ? 'cell has' : 'cells have'} no emission factor (ND) and add nothing to the totals: ${listed}${more}. ` +
        'Estimate them with a country-specific factor where data exist, or state in the report that they are not quantified.',
    ),
  ];
}

function ndLabel(line: LineResult, cell: ReleaseCell): string {
  const substance = cell.substance === NATIONAL_TOTAL_SUBSTANCE ? '' : ` (${cell.substance})`;
  return `${line.classCode} ${cell.vector}${substance}`;
}

/**
 * RESIDUE_REUSE_DOUBLE_COUNTING: the Toolkit counts a residue where it is generated; when a
 * category that may take that residue as feed is estimated too, the same PCDD/PCDF may be
 * counted twice. Warned on the receiving category, which is where the drafter decides.
 */
export function residueReuse(input: QaqcInput, options: QaqcOptions): QaqcFinding[] {
  const { inventory, releases, edition } = input;
  const residueClasses = new Map<string, string>(); // class -> its category
  for (const line of releases.lines) {
    if (line.cells.some(isPositiveResidue)) residueClasses.set(line.classCode, line.categoryCode);
  }
  const estimated = new Set(Object.values(inventory.lines).map((l) => l.categoryCode));
  return Object.entries(options.residueReceivingCategories)
    .filter(([code]) => estimated.has(code))
    .flatMap(([code, why]) => {
      const sources = [...residueClasses].filter(([, category]) => category !== code).map(([classCode]) => classCode).sort(compareText);
      if (sources.length === 0) return [];
      const name = edition.categories[code]?.name;
      return [
        finding(
          'RESIDUE_REUSE_DOUBLE_COUNTING',
          { kind: 'category', categoryCode: code },
          `Residues released by class${sources.length > 1 ? 'es' : ''} ${sources.join(', ')} may be the feed of category ${code}${name === undefined ? '' : ` (${name})`}: ` +
            `count them once, either as those classes' residue or in this category's activity, not both. Why: ${why}`,
        ),
      ];
    });
}

function isPositiveResidue(cell: ReleaseCell): boolean {
  if (cell.vector !== 'residue') return false;
  const release = cell.release;
  return (release.kind === 'release' && release.grams > 0) || (release.kind === 'range' && release.highGrams > 0);
}

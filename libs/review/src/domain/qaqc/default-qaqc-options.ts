import type { PlausibleRange, QaqcOptions } from './qaqc.types';

/**
 * The platform's screening defaults. None of these numbers is a Toolkit value: they are bounds
 * chosen by the platform to catch slips (a unit typed wrong, a number a thousand times off), so
 * each says why it is what it is, and findings quote that.
 */

/** A tenfold change of the national total between two inventories is rarely real; it is worth a comment. */
export const DEFAULT_TOTAL_JUMP_FACTOR = 10;

/**
 * World-scale bounds per dimension: a single country's activity in one year above the whole
 * world's is implausible, below the minimum is most likely a unit slip. Sites (group 10 hot
 * spots) have none: they are registered, not an annual activity with a world total.
 */
export const DEFAULT_PLAUSIBLE_RANGES: readonly PlausibleRange[] = [
  {
    unit: 't',
    min: 0.001,
    max: 5e9,
    basis:
      'platform screening bound, not a Toolkit value: world coal production is ~8.7e9 t/a and cement ~4e9 t/a; no national flow of any Toolkit class in tonnes exceeds 5e9 t/a; below 1 kg is most likely a unit slip',
  },
  {
    unit: 'TJ',
    min: 0.001,
    max: 2e8,
    basis:
      'platform screening bound, not a Toolkit value: the largest national total primary energy supply is ~1.7e8 TJ/a, so no national fuel flow exceeds 2e8 TJ/a; below 1 GJ is most likely a unit slip',
  },
  {
    unit: 'm3',
    min: 0.001,
    max: 4e12,
    basis:
      'platform screening bound, not a Toolkit value: world freshwater withdrawal is ~4e12 m3/a (order of magnitude), so no national wastewater or discharge flow exceeds it; below 1 L is most likely a unit slip',
  },
  {
    unit: 'ADt',
    min: 0.001,
    max: 5e8,
    basis:
      'platform screening bound, not a Toolkit value: world wood pulp production is ~2e8 t/a (order of magnitude), bound rounded up to 5e8 ADt/a; below 1 kg is most likely a unit slip',
  },
  {
    unit: 'ha',
    min: 0.001,
    max: 1.5e10,
    basis:
      "platform screening bound, not a Toolkit value: the Earth's land area is ~1.49e10 ha; no class of the shipped edition is in area, the bound is there for editions or country data that are",
  },
  {
    unit: 'cremation',
    min: 1,
    max: 1e8,
    basis:
      'platform screening bound, not a Toolkit value: world deaths are ~6-7e7 a year (order of magnitude) and no country cremates more bodies than the world has deaths; fewer than one cremation is not a count',
  },
  {
    unit: 'vehicle',
    min: 1,
    max: 2e9,
    basis:
      'platform screening bound, not a Toolkit value: the world motor vehicle fleet is ~1.5e9 (order of magnitude) and no country burns more vehicles in a year than exist; fewer than one vehicle is not a count',
  },
  {
    unit: 'million items',
    min: 0.001,
    max: 1e7,
    basis:
      'platform screening bound, not a Toolkit value: world cigarette consumption is ~5e12 sticks a year (order of magnitude), bound rounded up to 1e7 million items; fewer than a thousand items is most likely items typed as millions',
  },
  {
    unit: 'ECU',
    min: 0.001,
    max: 2e8,
    basis:
      'platform screening bound, not a Toolkit value: one ECU is ~1 t of chlorine and world chlorine production is ~1e8 t/a (order of magnitude), bound doubled; below 1 kg of chlorine is most likely a unit slip',
  },
];

/**
 * Categories whose feed may be another class's residue (the Toolkit's warning: "residue of one
 * process = feed of another", Annex 4, raw_evidence.md E4). Left out on purpose: 9d Composting
 * (its classes name organic fractions, garden/kitchen wastes and green materials, no residue of
 * another class) and 1e Sewage sludge incineration (its feed, sewage sludge, is the residue of
 * 9b, which has no classes or factors in the shipped edition, so no computed residue can be it).
 */
export const DEFAULT_RESIDUE_RECEIVING_CATEGORIES: Readonly<Record<string, string>> = {
  '9a': 'Landfills and waste dumps receive the ashes, slags and sludges that other classes release as residue.',
  '4a':
    'Cement kilns may fire wastes (Annex C Part II (b) names kilns firing hazardous waste) and may take ashes or slags as raw material.',
  '2g':
    'Secondary zinc production (Annex C Part II (d)(iv); kilns, hot briquetting and rotary furnaces) recovers zinc from zinc-bearing residues such as electric arc furnace dust of 2c.',
};

export const DEFAULT_QAQC_OPTIONS: QaqcOptions = {
  totalJumpFactor: DEFAULT_TOTAL_JUMP_FACTOR,
  plausibleRanges: DEFAULT_PLAUSIBLE_RANGES,
  residueReceivingCategories: DEFAULT_RESIDUE_RECEIVING_CATEGORIES,
};

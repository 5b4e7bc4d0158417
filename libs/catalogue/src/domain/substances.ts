import type { Substance } from './catalogue.types';

/**
 * The substances the shipped sheets give factors for. PeCB, PCN and HCBD are Annex C Part I
 * chemicals too, but no Toolkit factor was found for them: they are added by an expert
 * (AddSubstance) when a factor exists, not listed here as if they had one.
 */
export const TOOLKIT_SUBSTANCES: readonly Substance[] = [
  { code: 'PCDD/PCDF', name: 'Polychlorinated dibenzo-p-dioxins and dibenzofurans', basis: 'TEQ' },
  { code: 'dl-PCB', name: 'Dioxin-like polychlorinated biphenyls', basis: 'TEQ' },
  // The Part III annexes print "PCB" factors in µg TEQ; whether that is the dl-PCB TEQ is not
  // stated, so they are kept apart from dl-PCB rather than merged by inference.
  { code: 'PCB', name: 'Polychlorinated biphenyls (as TEQ, as printed)', basis: 'TEQ' },
  { code: 'HCB', name: 'Hexachlorobenzene', basis: 'mass' },
  { code: 'indicator-PCB', name: 'Indicator PCB (sum of indicator congeners, mass)', basis: 'mass' },
];

/**
 * The substance cells as the sheets print them, and the substance codes each stands for. A cell
 * may name several substances ("dl-PCB, sum-6 indicator PCB, HCB"): the row then holds the same
 * cells for each. The printed label stays on every factor (`substanceLabel`).
 */
export const SUBSTANCE_LABELS: Readonly<Record<string, readonly string[]>> = {
  'PCDD/PCDF': ['PCDD/PCDF'],
  'dl-PCB': ['dl-PCB'],
  'dl-PCB (WHO-2005 TEQ assumed)': ['dl-PCB'],
  PCB: ['PCB'],
  'PCB (TEQ)': ['PCB'],
  HCB: ['HCB'],
  'indicator PCB (mass)': ['indicator-PCB'],
  'dl-PCB, sum-6 indicator PCB, HCB': ['dl-PCB', 'indicator-PCB', 'HCB'],
};

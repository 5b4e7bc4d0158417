import type { Confidence, TefScheme } from './catalogue.types';
import { lowerConfidence } from './tef-data.parser';

/** Measured concentrations per congener, in any one unit (the TEQ comes out in that unit, as TEQ). */
export type CongenerProfile = Readonly<Record<string, number>>;

export interface TeqContribution {
  congener: string;
  concentration: number;
  tef: number;
  teq: number;
}

export type TeqResult =
  | {
      ok: true;
      teq: number;
      scheme: string;
      /** The lowest confidence of the TEFs used: a TEQ under unverified TEFs is unverified. */
      confidence: Confidence;
      contributions: TeqContribution[];
    }
  | { ok: false; error: TeqError };

export type TeqError =
  | { code: 'CONGENER_UNKNOWN'; scheme: string; congeners: string[] }
  | { code: 'CONCENTRATION_INVALID'; congener: string; concentration: number };

/**
 * TEQ = sum over congeners of concentration x TEF (Toolkit Annex 1). A congener the scheme does
 * not list is an error, not a zero: I-TEF has no PCB factors, and silently dropping PCB 126
 * would understate the TEQ.
 */
export function teqOf(profile: CongenerProfile, scheme: TefScheme): TeqResult {
  const tefs = new Map(scheme.factors.map((f) => [f.congener, f]));
  const unknown = Object.keys(profile).filter((congener) => !tefs.has(congener));
  if (unknown.length > 0) return { ok: false, error: { code: 'CONGENER_UNKNOWN', scheme: scheme.id, congeners: unknown } };

  const contributions: TeqContribution[] = [];
  let confidence: Confidence = 'verified';
  for (const [congener, concentration] of Object.entries(profile)) {
    if (!Number.isFinite(concentration) || concentration < 0) {
      return { ok: false, error: { code: 'CONCENTRATION_INVALID', congener, concentration } };
    }
    const factor = tefs.get(congener);
    if (!factor) continue; // unreachable: checked above
    confidence = lowerConfidence(confidence, factor.confidence);
    contributions.push({ congener, concentration, tef: factor.tef, teq: concentration * factor.tef });
  }
  return { ok: true, teq: contributions.reduce((sum, c) => sum + c.teq, 0), scheme: scheme.id, confidence, contributions };
}

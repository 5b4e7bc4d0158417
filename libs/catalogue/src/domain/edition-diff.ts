import type { Category, EmissionFactor, SourceClass, Substance } from './catalogue.types';
import type { EditionState } from './catalogue.state';
import { changedFields, sameValue } from './same-value';

export interface Change<T> {
  key: string;
  before: T;
  after: T;
  /** Top-level fields that differ, e.g. ["confidence", "value"]. */
  fields: string[];
}

export interface SetDiff<T> {
  added: T[];
  removed: T[];
  changed: Change<T>[];
}

/** What differs between two editions (e.g. a draft and the edition it derives from). */
export interface EditionDiff {
  from: string;
  to: string;
  categories: SetDiff<Category>;
  classes: SetDiff<SourceClass>;
  substances: SetDiff<Substance>;
  /** Keyed by "class|substance|vector". */
  factors: SetDiff<EmissionFactor>;
}

function diffRecords<T extends object>(before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): SetDiff<T> {
  const diff: SetDiff<T> = { added: [], removed: [], changed: [] };
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (old === undefined) diff.added.push(value);
    else if (!sameValue(old, value)) diff.changed.push({ key, before: old, after: value, fields: changedFields(old, value) });
  }
  for (const [key, value] of Object.entries(before)) {
    if (after[key] === undefined) diff.removed.push(value);
  }
  return diff;
}

export function diffEditions(from: EditionState, to: EditionState): EditionDiff {
  return {
    from: from.edition.id,
    to: to.edition.id,
    categories: diffRecords(from.categories, to.categories),
    classes: diffRecords(from.classes, to.classes),
    substances: diffRecords(from.substances, to.substances),
    factors: diffRecords(from.factors, to.factors),
  };
}

export function isEmptyDiff(diff: EditionDiff): boolean {
  return [diff.categories, diff.classes, diff.substances, diff.factors].every(
    (d) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0,
  );
}

import { INTERACTION_KIND_LABELS, INTERACTION_KINDS } from '../domain';
import { Tally } from './figures';
import type { JournalFacts } from './journalFacts';
import type { GroupFigures, Period } from './types';

/** Most minutes first, then by label and key, so equal figures always list the same way. */
export function compareGroups(a: GroupFigures, b: GroupFigures): number {
  if (a.totalMinutes !== b.totalMinutes) return b.totalMinutes - a.totalMinutes;
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Tallies the period's rows by one column (kind or source index). */
function tallyBy(facts: JournalFacts, period: Period, column: ArrayLike<number>) {
  const tallies = new Map<number, Tally>();
  const [from, to] = facts.rowsIn(period);
  for (let row = from; row < to; row++) {
    const group = column[row] as number;
    let tally = tallies.get(group);
    if (!tally) {
      tally = new Tally();
      tallies.set(group, tally);
    }
    tally.add(facts, row);
  }
  return tallies;
}

/** The period's figures by kind of interaction (only kinds that occur), most minutes first. */
export function byKind(facts: JournalFacts, period: Period): GroupFigures[] {
  return [...tallyBy(facts, period, facts.kinds)]
    .map(([index, tally]) => {
      const kind = INTERACTION_KINDS[index] ?? 'other';
      return { ...tally.figures(), key: kind, label: INTERACTION_KIND_LABELS[kind] };
    })
    .sort(compareGroups);
}

/** The period's figures by source (organiser or place), most minutes first. */
export function bySource(facts: JournalFacts, period: Period): GroupFigures[] {
  return [...tallyBy(facts, period, facts.sources)]
    .map(([index, tally]) => ({
      ...tally.figures(),
      key: facts.sourceKeys[index] ?? '',
      label: facts.sourceLabels[index] ?? '',
    }))
    .sort(compareGroups);
}

import { lowerBound, NO_DAY, type JournalFacts } from './journalFacts';
import type { DayNumber, NextStepFigures, NextStepItem, Period } from './types';

/** The next steps of a journal, indexed the first time they are asked for. */
interface StepIndex {
  /** Rows with a due day, by due day, then title, then id: the order of the lists. */
  readonly byDue: Int32Array;
  /** The due day of each of byDue (ascending, for binary search). */
  readonly dueDays: Int32Array;
  /** Rows that were done, by done day. */
  readonly byDone: Int32Array;
  readonly doneDays: Int32Array;
  /** Items made so far, by row × 3 + state: an item depends on nothing else. */
  readonly items: Map<number, NextStepItem>;
}

const STATES: readonly NextStepItem['state'][] = ['open', 'done', 'overdue'];
const indexes = new WeakMap<JournalFacts, StepIndex>();

function stepIndexOf(facts: JournalFacts): StepIndex {
  let index = indexes.get(facts);
  if (!index) {
    const byDue = rowsWith(facts, facts.dueDays);
    const byDone = rowsWith(facts, facts.doneDays);
    index = {
      byDue,
      dueDays: byDue.map((row) => facts.dueDays[row] as number),
      byDone,
      doneDays: byDone.map((row) => facts.doneDays[row] as number),
      items: new Map(),
    };
    indexes.set(facts, index);
  }
  return index;
}

/**
 * The rows with a day in `column`, by that day, then by title and id. Sorted by day as
 * numbers first, then each day's few rows by title: comparing titles is what costs.
 */
function rowsWith(facts: JournalFacts, column: Int32Array): Int32Array {
  let count = 0;
  for (let row = 0; row < facts.size; row++) if (column[row] !== NO_DAY) count++;
  // Day and row packed in one number (rows < 2^21, days within ±2^31): a numeric sort.
  const keys = new Float64Array(count);
  count = 0;
  for (let row = 0; row < facts.size; row++) {
    const day = column[row] as number;
    if (day !== NO_DAY) keys[count++] = day * 0x200000 + row;
  }
  keys.sort();
  const rows = keys.map((key) => key - Math.floor(key / 0x200000) * 0x200000);
  const byTitle = (a: number, b: number) => compareRows(facts, a, b);
  for (let start = 0; start < rows.length;) {
    const day = column[rows[start] as number];
    let end = start + 1;
    while (end < rows.length && column[rows[end] as number] === day) end++;
    if (end - start > 1) rows.subarray(start, end).sort(byTitle);
    start = end;
  }
  return Int32Array.from(rows);
}

/**
 * The next steps of a period, as of `today`:
 * - due: due within the period, done or not;
 * - done: done within the period;
 * - overdue: due within the period before today, and still open then, i.e. not done on a
 *   day before the period's end nor on or before today (an item done late but within the
 *   period is not overdue); overdueBefore counts the same for steps due before the period;
 * - undated: written on the period's interactions, with no due date, not done.
 * Each list is sorted by due date, then title. An item's state is 'done' once done,
 * 'overdue' when due before today, else 'open'.
 */
export function nextStepsFor(
  facts: JournalFacts,
  period: Period,
  today: DayNumber,
): NextStepFigures {
  const index = stepIndexOf(facts);
  const item = (row: number): NextStepItem => itemOf(facts, index, row, today);
  const within = (rows: Int32Array, days: Int32Array) => {
    const from = lowerBound(days, period.start);
    return Array.from(rows.subarray(from, lowerBound(days, period.end, from)), item);
  };
  const dueBefore = Math.min(today, period.end);
  // Done on a day before this one counts as done: today itself counts, the period's end not.
  const doneBefore = Math.min(today + 1, period.end);
  const overdue: NextStepItem[] = [];
  let overdueBefore = 0;
  const periodFrom = lowerBound(index.dueDays, period.start);
  const overdueTo = lowerBound(index.dueDays, dueBefore);
  for (let i = 0; i < overdueTo; i++) {
    const row = index.byDue[i] as number;
    const doneDay = facts.doneDays[row] as number;
    if (doneDay !== NO_DAY && doneDay < doneBefore) continue;
    // Earlier ones are only counted: a long journal can hold thousands.
    if (i < periodFrom) overdueBefore++;
    else overdue.push(item(row));
  }
  const undated: number[] = [];
  const [from, to] = facts.rowsIn(period);
  for (let row = from; row < to; row++) {
    if (facts.hasNextStep[row] && facts.dueDays[row] === NO_DAY && facts.doneDays[row] === NO_DAY) {
      undated.push(row);
    }
  }
  return {
    due: within(index.byDue, index.dueDays),
    done: within(index.byDone, index.doneDays).sort(compareItems),
    overdue,
    overdueBefore,
    undated: undated.sort((a, b) => compareRows(facts, a, b)).map(item),
  };
}

function itemOf(facts: JournalFacts, index: StepIndex, row: number, today: DayNumber) {
  const dueDay = facts.dueDays[row] as number;
  const done = facts.doneDays[row] !== NO_DAY;
  const state = done ? 1 : dueDay !== NO_DAY && dueDay < today ? 2 : 0;
  const key = row * 3 + state;
  let item = index.items.get(key);
  if (!item) {
    const interaction = facts.rows[row];
    if (!interaction) throw new RangeError(`No interaction at row ${row}`);
    item = {
      interactionId: interaction.id,
      title: interaction.title,
      nextStep: interaction.nextStep,
      // The stored dates, which the facts found valid.
      due: dueDay === NO_DAY ? null : interaction.nextStepDue,
      done: done ? interaction.nextStepDone : null,
      state: STATES[state] as NextStepItem['state'],
    };
    index.items.set(key, item);
  }
  return item;
}

/** By title, then interaction (for rows with the same due day). */
function compareRows(facts: JournalFacts, a: number, b: number): number {
  const first = facts.rows[a];
  const second = facts.rows[b];
  if (!first || !second) return 0;
  if (first.title !== second.title) return first.title < second.title ? -1 : 1;
  return first.id < second.id ? -1 : first.id > second.id ? 1 : 0;
}

/** By due date (undated last), then title, then interaction. */
function compareItems(a: NextStepItem, b: NextStepItem): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.interactionId < b.interactionId ? -1 : a.interactionId > b.interactionId ? 1 : 0;
}

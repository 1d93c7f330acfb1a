import { NO_DAY, type JournalFacts } from './journalFacts';
import type { DayNumber, NextStepFigures, NextStepItem, Period } from './types';

const STATES: readonly NextStepItem['state'][] = ['open', 'done', 'overdue'];

/** Items made so far, per journal, by row × 3 + state: an item depends on nothing else. */
const itemCaches = new WeakMap<JournalFacts, Map<number, NextStepItem>>();

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
  let items = itemCaches.get(facts);
  if (!items) itemCaches.set(facts, (items = new Map<number, NextStepItem>()));
  const cache = items;
  const item = (row: number): NextStepItem => itemOf(facts, cache, row, today);
  const dueBefore = Math.min(today, period.end);
  // Done on a day before this one counts as done: today itself counts, the period's end not.
  const doneBefore = Math.min(today + 1, period.end);
  // One pass over the day columns (plain numbers, cheap to read even at 100k rows); only the
  // period's own rows are then sorted.
  const due: number[] = [];
  const done: number[] = [];
  const overdue: number[] = [];
  let overdueBefore = 0;
  const { dueDays, doneDays } = facts;
  for (let row = 0; row < facts.size; row++) {
    const dueDay = dueDays[row] as number;
    const doneDay = doneDays[row] as number;
    if (doneDay !== NO_DAY && doneDay >= period.start && doneDay < period.end) done.push(row);
    if (dueDay === NO_DAY) continue;
    const inPeriod = dueDay >= period.start && dueDay < period.end;
    if (inPeriod) due.push(row);
    if (dueDay >= dueBefore || (doneDay !== NO_DAY && doneDay < doneBefore)) continue;
    // Earlier ones are only counted: a long journal can hold thousands.
    if (inPeriod) overdue.push(row);
    else if (dueDay < period.start) overdueBefore++;
  }
  const undated: number[] = [];
  const [from, to] = facts.rowsIn(period);
  for (let row = from; row < to; row++) {
    if (facts.hasNextStep[row] && dueDays[row] === NO_DAY && doneDays[row] === NO_DAY) {
      undated.push(row);
    }
  }
  const byDue = (a: number, b: number) =>
    (dueDays[a] as number) - (dueDays[b] as number) || compareRows(facts, a, b);
  return {
    due: due.sort(byDue).map(item),
    done: done.map(item).sort(compareItems),
    overdue: overdue.sort(byDue).map(item),
    overdueBefore,
    undated: undated.sort((a, b) => compareRows(facts, a, b)).map(item),
  };
}

function itemOf(
  facts: JournalFacts,
  items: Map<number, NextStepItem>,
  row: number,
  today: DayNumber,
) {
  const dueDay = facts.dueDays[row] as number;
  const done = facts.doneDays[row] !== NO_DAY;
  const state = done ? 1 : dueDay !== NO_DAY && dueDay < today ? 2 : 0;
  const key = row * 3 + state;
  let item = items.get(key);
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
    items.set(key, item);
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

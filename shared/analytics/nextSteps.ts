import { localDateOf } from './calendar';
import { lowerBound, NO_DAY, type JournalFacts } from './journalFacts';
import type { DayNumber, NextStepFigures, NextStepItem, Period } from './types';

/**
 * The next steps of a period, as of `today`:
 * - due: due within the period, done or not;
 * - done: done within the period;
 * - overdue: due before min(today, period end) and still open then, i.e. not done on a day
 *   before the period's end nor on or before today (an item done late but within the
 *   period is not overdue);
 * - undated: written on the period's interactions, with no due date, not done.
 * Each list is sorted by due date, then title. An item's state is 'done' once done,
 * 'overdue' when due before today, else 'open'.
 */
export function nextStepsFor(
  facts: JournalFacts,
  period: Period,
  today: DayNumber,
): NextStepFigures {
  const item = (row: number): NextStepItem => itemOf(facts, row, today);
  const { stepsByDue, stepDueDays, dueDays, doneDays } = facts;
  const within = (rows: Int32Array, days: Int32Array) => {
    const from = lowerBound(days, period.start);
    const to = lowerBound(days, period.end, from);
    return Array.from(rows.subarray(from, to), item);
  };
  const due = within(stepsByDue, stepDueDays);
  const done = within(facts.stepsByDone, facts.stepDoneDays);
  const dueBefore = Math.min(today, period.end);
  // Done on a day before this one counts as done: today itself counts, the period's end not.
  const doneBefore = Math.min(today + 1, period.end);
  const overdue: NextStepItem[] = [];
  const overdueTo = lowerBound(stepDueDays, dueBefore);
  for (let i = 0; i < overdueTo; i++) {
    const row = stepsByDue[i] as number;
    const doneDay = doneDays[row] as number;
    if (doneDay === NO_DAY || doneDay >= doneBefore) overdue.push(item(row));
  }
  const undated: NextStepItem[] = [];
  const [from, to] = facts.rowsIn(period);
  for (let row = from; row < to; row++) {
    if (facts.hasNextStep[row] && dueDays[row] === NO_DAY && doneDays[row] === NO_DAY) {
      undated.push(item(row));
    }
  }
  return {
    due: due.sort(compareItems),
    done: done.sort(compareItems),
    overdue: overdue.sort(compareItems),
    undated: undated.sort(compareItems),
  };
}

function itemOf(facts: JournalFacts, row: number, today: DayNumber): NextStepItem {
  const interaction = facts.rows[row];
  if (!interaction) throw new RangeError(`No interaction at row ${row}`);
  const dueDay = facts.dueDays[row] as number;
  const doneDay = facts.doneDays[row] as number;
  return {
    interactionId: interaction.id,
    title: interaction.title,
    nextStep: interaction.nextStep,
    due: dueDay === NO_DAY ? null : localDateOf(dueDay),
    done: doneDay === NO_DAY ? null : localDateOf(doneDay),
    state: doneDay !== NO_DAY ? 'done' : dueDay !== NO_DAY && dueDay < today ? 'overdue' : 'open',
  };
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

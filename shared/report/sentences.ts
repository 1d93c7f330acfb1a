import type { ChangeSuggestion, NextStepFigures, NextStepItem } from '../analytics';
import type { FollowUpFigures } from '../followUps';
import { dayNumberOf } from '../analytics';
import { dayLabel, formatHours, formatMean, periodLabelWithYear } from './format';

/** What a change suggestion says, the same on screen and in every export. */
export function suggestionHeadline(suggestion: ChangeSuggestion): string {
  const { subject, action } = suggestion;
  const what = subject.type === 'kind' ? `${subject.label} (kind)` : subject.label;
  return action === 'drop' ? `Consider dropping ${what}` : `Do more of ${what}`;
}

/** The figures that justify a suggestion, in one line. */
export function suggestionEvidence(suggestion: ChangeSuggestion): string {
  const { figures, period } = suggestion;
  const span = periodLabelWithYear(period);
  const count = `${figures.interactions} interaction${figures.interactions === 1 ? '' : 's'}`;
  return suggestion.action === 'drop'
    ? `${formatHours(figures.totalMinutes)} in ${span}, time-weighted relevance ${formatMean(figures.weightedRelevance)}, ${count}.`
    : `${formatHours(figures.minutes.high)} of high-relevance time in ${span}, out of ${formatHours(figures.totalMinutes)}, ${count}.`;
}

/** "due 12 Nov 2026, done 11 Nov 2026" (the parts that apply), or "no due date". */
export function nextStepDates(item: NextStepItem): string {
  const parts: string[] = [];
  if (item.due !== null) parts.push(`due ${dayLabel(dayNumberOf(item.due))}`);
  if (item.done !== null) parts.push(`done ${dayLabel(dayNumberOf(item.done))}`);
  if (item.state === 'overdue') parts.push('overdue');
  return parts.length === 0 ? 'no due date' : parts.join(', ');
}

/** "Due this month: 3 · Done this month: 2 · Overdue: 1", and the older ones still open. */
export function nextStepCounts(steps: NextStepFigures): string {
  const counts = `Due this month: ${steps.due.length} · Done this month: ${steps.done.length} · Overdue: ${steps.overdue.length}`;
  return steps.overdueBefore > 0
    ? `${counts} · Still open from earlier months: ${steps.overdueBefore}`
    : counts;
}

/**
 * "Follow-ups due this month (interactions and contacts): 4 · Done on time: 2 · Done late: 1
 * · Overdue: 1"; `when` names the period ("this month", "in the week of 16 Nov").
 */
export function followUpCounts(figures: FollowUpFigures, when = 'this month'): string {
  return `Follow-ups due ${when} (interactions and contacts): ${figures.due} · Done on time: ${figures.doneOnTime} · Done late: ${figures.doneLate} · Overdue: ${figures.overdue}`;
}

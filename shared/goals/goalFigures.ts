import { localDateOf, type JournalFacts, type Period } from '../analytics';
import { RELEVANCE_BANDS, type Goal } from '../domain';

const HIGH = RELEVANCE_BANDS.indexOf('high');

/** Time spent on one goal in a period. */
export interface GoalFigures {
  readonly goal: Goal;
  /** Whether the goal is active on at least one day of the period. */
  readonly active: boolean;
  readonly interactions: number;
  readonly minutes: number;
  /** Minutes of those interactions rated in the high band. */
  readonly highMinutes: number;
}

export interface GoalsInPeriod {
  /** Goals active in the period or with time in it: most minutes first, then by description. */
  readonly goals: readonly GoalFigures[];
  /** Goals active in the period with no time spent on them in it, by description. */
  readonly withoutTime: readonly Goal[];
}

/** Whether a goal is active on any day of the period. */
export function isGoalActiveIn(goal: Goal, period: Period): boolean {
  const first = localDateOf(period.start);
  const last = localDateOf(period.end - 1);
  return goal.activeFrom <= last && (goal.activeTo === null || goal.activeTo >= first);
}

const byDescription = (a: Goal, b: Goal) =>
  a.description.localeCompare(b.description) || a.id.localeCompare(b.id);

/**
 * Hours and high-relevance hours per goal in a period. An interaction counts fully for each
 * goal it links (so goals' minutes can add up to more than the period's); links to goals that
 * were deleted are left out.
 */
export function goalFiguresFor(
  facts: JournalFacts,
  goals: readonly Goal[],
  period: Period,
): GoalsInPeriod {
  const positions = new Map(goals.map((goal, position) => [goal.id, position]));
  const counts = goals.map(() => ({ interactions: 0, minutes: 0, highMinutes: 0 }));
  const [from, to] = facts.rowsIn(period);
  for (let row = from; row < to; row++) {
    const goalIds = facts.rows[row]?.goalIds ?? [];
    if (goalIds.length === 0) continue;
    const minutes = facts.minutes[row] as number;
    const high = facts.bands[row] === HIGH;
    for (const id of new Set(goalIds)) {
      const position = positions.get(id);
      if (position === undefined) continue;
      const count = counts[position] as (typeof counts)[number];
      count.interactions++;
      count.minutes += minutes;
      if (high) count.highMinutes += minutes;
    }
  }
  const figures = goals
    .map((goal, position) => ({
      goal,
      active: isGoalActiveIn(goal, period),
      ...(counts[position] as (typeof counts)[number]),
    }))
    .filter((item) => item.active || item.interactions > 0)
    .sort((a, b) => b.minutes - a.minutes || byDescription(a.goal, b.goal));
  return {
    goals: figures,
    withoutTime: figures
      .filter((item) => item.active && item.minutes === 0)
      .map((item) => item.goal)
      .sort(byDescription),
  };
}

export type GoalStatus = 'active' | 'ended' | 'upcoming';

/** Where a goal stands on a day (YYYY-MM-DD): active, ended, or not started yet. */
export function goalStatusOn(goal: Goal, day: string): GoalStatus {
  if (day < goal.activeFrom) return 'upcoming';
  return goal.activeTo !== null && goal.activeTo < day ? 'ended' : 'active';
}

/** The sentence under the goals' table: which goals active in the period got no time. */
export function withoutTimeSentence(figures: GoalsInPeriod, periodName: string): string {
  if (figures.goals.every((item) => !item.active)) {
    return `No goals active ${periodName}: add them on the Goals screen.`;
  }
  if (figures.withoutTime.length === 0) return `Every active goal got time ${periodName}.`;
  const names = figures.withoutTime.map((goal) => `“${goal.description}”`);
  return `No time ${periodName} on: ${names.join(', ')}.`;
}

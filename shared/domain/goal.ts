import * as z from 'zod';
import { calendarDate, optionalDate, requiredText } from './fieldSchemas';

/** What a goal is about: "Know what you want". */
export const GOAL_KINDS = ['role', 'company', 'industry', 'place', 'other'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  role: 'Role',
  company: 'Company',
  industry: 'Industry',
  place: 'Place',
  other: 'Other',
};

/** A goal: a role, company, industry or place the person is after, over a period. */
export interface GoalFields {
  kind: GoalKind;
  /** In the person's words, e.g. "Plant manager in food manufacturing". */
  description: string;
  /** First day the goal is active (YYYY-MM-DD). */
  activeFrom: string;
  /** Last day it is active, or null while it has no end. */
  activeTo: string | null;
}

export interface Goal extends Readonly<GoalFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const goalFieldsSchema = z
  .object({
    kind: z.enum(GOAL_KINDS, { error: `The kind must be one of: ${GOAL_KINDS.join(', ')}.` }),
    description: requiredText('The description', 300, 'Say what you want, in a few words.'),
    activeFrom: calendarDate('The start'),
    activeTo: optionalDate('The end'),
  })
  .refine((goal) => goal.activeTo === null || goal.activeTo >= goal.activeFrom, {
    error: 'The end cannot be before the start.',
    path: ['activeTo'],
  });

/** Whether a goal is active on a day (YYYY-MM-DD). */
export function isGoalActiveOn(goal: GoalFields, day: string): boolean {
  return goal.activeFrom <= day && (goal.activeTo === null || day <= goal.activeTo);
}

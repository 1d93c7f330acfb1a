import * as z from 'zod';
import { calendarDate, optionalDate, requiredText } from './fieldSchemas';
import { checkedField, defineRecord, type FieldsOf } from './recordDescriptor';

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
export const GOAL_RECORD = defineRecord({
  name: 'goal',
  fields: {
    kind: checkedField(
      z.enum(GOAL_KINDS, { error: `The kind must be one of: ${GOAL_KINDS.join(', ')}.` }),
      'other',
      { initial: 'role' },
    ),
    /** In the person's words, e.g. "Plant manager in food manufacturing". */
    description: checkedField(
      requiredText('The description', 300, 'Say what you want, in a few words.'),
      '(no description)',
      { initial: '' },
    ),
    /** First day the goal is active (YYYY-MM-DD). */
    activeFrom: checkedField(calendarDate('The start'), '1970-01-01'),
    /** Last day it is active, or null while it has no end. */
    activeTo: checkedField(optionalDate('The end'), null),
  },
  rules: [
    {
      field: 'activeTo',
      message: 'The end cannot be before the start.',
      holds: (goal) => goal.activeTo === null || goal.activeTo >= goal.activeFrom,
    },
  ],
});

export type GoalFields = FieldsOf<typeof GOAL_RECORD>;

export interface Goal extends Readonly<GoalFields> {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const goalFieldsSchema = GOAL_RECORD.schema;

/** Whether a goal is active on a day (YYYY-MM-DD). */
export function isGoalActiveOn(goal: GoalFields, day: string): boolean {
  return goal.activeFrom <= day && (goal.activeTo === null || day <= goal.activeTo);
}

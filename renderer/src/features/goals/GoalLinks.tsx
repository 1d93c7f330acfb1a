import { Button, Group, MultiSelect, Text } from '@mantine/core';
import { useMemo } from 'react';
import { isGoalActiveOn, type Contact, type Goal } from '../../../../shared/domain';
import { suggestRelevance, type RelevanceDraft } from '../../../../shared/goals';

/**
 * The relevance the goals suggest for what is typed so far. Worked out again only when a
 * field it reads changes; the goals' and contacts' indexes are built once per snapshot list.
 */
export function useRelevanceSuggestion(
  goals: readonly Goal[],
  contacts: readonly Contact[],
  draft: RelevanceDraft,
) {
  const { day, title, place, intent, outcome, people } = draft;
  return useMemo(
    () => suggestRelevance(goals, contacts, { day, title, place, intent, outcome, people }),
    [goals, contacts, day, title, place, intent, outcome, people],
  );
}

interface SuggestionProps {
  suggestion: ReturnType<typeof suggestRelevance>;
  onUse: () => void;
}

/** "Suggested: 4 — why", and a button that takes it: the relevance is never set silently. */
export function RelevanceSuggestionLine({ suggestion, onUse }: SuggestionProps) {
  if (!suggestion) return null;
  const { relevance, reason } = suggestion;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" id="relevance-suggestion" flex={1}>
        Suggested: {relevance} — {reason}
      </Text>
      <Button
        size="compact-sm"
        variant="light"
        onClick={onUse}
        aria-describedby="relevance-suggestion"
      >
        Use {relevance}
      </Button>
    </Group>
  );
}

interface SelectProps {
  goals: readonly Goal[];
  /** The local day it takes place: goals active on it are offered. */
  day: string;
  value: readonly string[];
  onChange: (goalIds: string[]) => void;
  error?: string | undefined;
  /** The question while none is chosen. */
  placeholder?: string;
}

/**
 * The goals an interaction served (or a planned event could serve): those active on its day,
 * and any it already links.
 */
export function GoalsSelect({
  goals,
  day,
  value,
  onChange,
  error,
  placeholder = 'Which goals did it serve?',
}: SelectProps) {
  const data = useMemo(
    () =>
      goals
        .filter((goal) => isGoalActiveOn(goal, day) || value.includes(goal.id))
        .map((goal) => ({ value: goal.id, label: goal.description })),
    [goals, day, value],
  );
  if (data.length === 0) return null;
  return (
    <MultiSelect
      label="Goals"
      placeholder={value.length === 0 ? placeholder : undefined}
      data={data}
      value={[...value]}
      onChange={onChange}
      error={error}
      searchable
      clearable
    />
  );
}

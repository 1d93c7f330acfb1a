import { Badge } from '@mantine/core';
import { dueCounts } from '../../../../shared/followUps';
import { useFollowUps } from './useFollowUps';

/**
 * How many follow-ups are overdue or due today, beside the Today link; nothing when none.
 * Counted after a change has been drawn everywhere else.
 */
export function DueBadge() {
  const { groups } = useFollowUps({ deferred: true });
  const { overdue, dueToday } = dueCounts(groups);
  const count = overdue + dueToday;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color={overdue > 0 ? 'red' : 'indigo'}
      ml={6}
      aria-label={`${count} due`}
    >
      {count}
    </Badge>
  );
}

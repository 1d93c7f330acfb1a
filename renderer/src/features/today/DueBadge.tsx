import { Badge } from '@mantine/core';
import { useFollowUps } from './useFollowUps';

/** How many follow-ups are overdue or due today, beside the Today link; nothing when none. */
export function DueBadge() {
  const { groups } = useFollowUps();
  const count = groups.overdue.length + groups.dueToday.length;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color={groups.overdue.length > 0 ? 'red' : 'indigo'}
      ml={6}
      aria-label={`${count} due`}
    >
      {count}
    </Badge>
  );
}

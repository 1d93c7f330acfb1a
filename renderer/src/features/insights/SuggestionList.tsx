import { List, Text, ThemeIcon } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { ChangeSuggestion } from '../../../../shared/analytics';
import { suggestionEvidence, suggestionHeadline } from '../../../../shared/report';

/** The change suggestions, each with the figures behind it. */
export function SuggestionList({ suggestions }: { suggestions: readonly ChangeSuggestion[] }) {
  if (suggestions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No suggestions: no source or kind crossed the thresholds in this window.
      </Text>
    );
  }
  return (
    <List spacing="xs" aria-label="What to change">
      {suggestions.map((suggestion) => (
        <List.Item
          key={`${suggestion.action}:${suggestion.subject.type}:${suggestion.subject.key}`}
          icon={
            <ThemeIcon
              color={suggestion.action === 'drop' ? 'red' : 'teal'}
              size={22}
              radius="xl"
              variant="light"
            >
              {suggestion.action === 'drop' ? (
                <IconArrowDown size={14} />
              ) : (
                <IconArrowUp size={14} />
              )}
            </ThemeIcon>
          }
        >
          <Text fw={600} size="sm">
            {suggestionHeadline(suggestion)}
          </Text>
          <Text size="sm" c="dimmed">
            {suggestionEvidence(suggestion)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

import { List, Text } from '@mantine/core';
import {
  introductionCounts,
  introductionHeadline,
  type IntroductionsOfMonth,
} from '../../../../shared/contacts';

/** The report's introductions: the month's, with what came of each, and the ledger's counts. */
export function ReportIntroductions({ introductions }: { introductions: IntroductionsOfMonth }) {
  return (
    <>
      <Text size="sm">{introductionCounts(introductions)}</Text>
      {introductions.lines.length > 0 && (
        <List size="sm" spacing={4} aria-label="Introductions of the month">
          {introductions.lines.map((line, index) => (
            <List.Item key={`${line.date}-${index}`}>
              <Text size="sm" fw={500}>
                {line.date}: {introductionHeadline(line)}
              </Text>
              <Text size="sm" c="dimmed">
                {line.outcome.trim() || 'What came of it is not noted yet.'}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

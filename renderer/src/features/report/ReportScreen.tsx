import { Alert, Blockquote, Box, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import {
  buildMonthReport,
  bandSummary,
  followUpCounts,
  monthTitle,
  nextStepCounts,
  nextStepDates,
  reportNextSteps,
} from '../../../../shared/report';
import { useJournalSnapshot } from '../../app/journalContext';
import { BandChart } from '../insights/BandChart';
import { FiguresHeadline } from '../insights/FiguresHeadline';
import { GroupTable } from '../insights/GroupTable';
import { Section } from '../../ui/Section';
import { SuggestionList } from '../insights/SuggestionList';
import { useAnalytics } from '../insights/useAnalytics';
import { PlannedMonth } from '../planned/PlannedMonth';
import { MonthNote } from './MonthNote';
import { GoalTable } from '../goals/GoalTable';
import { printInLightScheme } from './printScheme';
import { ReportToolbar } from './ReportToolbar';
import { ReportIntroductions } from '../contacts/ReportIntroductions';

/** The width of a printed page's text (A4 and Letter, with margins), so print matches screen. */
export const PAGE_WIDTH_PX = 680;

interface Props {
  readonly month: string;
  readonly onMonthChange: (month: string) => void;
}

/** The monthly relevance report: on screen as it will print, with its exports. */
export function ReportScreen({ month, onMonthChange }: Props) {
  const { facts, settings, today } = useAnalytics();
  const snapshot = useJournalSnapshot();
  const report = useMemo(
    () =>
      buildMonthReport({
        facts,
        month,
        today,
        settings,
        notes: snapshot.monthNotes,
        contacts: snapshot.contacts,
        goals: snapshot.goals,
        plannedEvents: snapshot.plannedEvents,
        interactions: snapshot.interactions,
        introductions: snapshot.introductions,
      }),
    [
      facts,
      month,
      today,
      settings,
      snapshot.monthNotes,
      snapshot.contacts,
      snapshot.goals,
      snapshot.plannedEvents,
      snapshot.interactions,
      snapshot.introductions,
    ],
  );
  useEffect(printInLightScheme, []);
  const { current, nextSteps } = report;
  const steps = reportNextSteps(report);
  const title = `Relevance report: ${monthTitle(month)}`;

  return (
    <Stack gap="md">
      <ReportToolbar report={report} facts={facts} onMonthChange={onMonthChange} />
      <Box component="article" aria-label={title} maw={PAGE_WIDTH_PX} mx="auto" w="100%">
        <Stack gap="md">
          <Title order={2}>{title}</Title>
          {report.previousNote.trim() && (
            <Blockquote className="report-section" p="sm" color="indigo">
              <Text fw={600} size="sm">
                Last month I planned to change:
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{report.previousNote.trim()}</Text>
            </Blockquote>
          )}
          {current.interactions === 0 && (
            <Alert color="gray" title="No interactions this month" className="print-hidden">
              Nothing was logged in {monthTitle(month)}. Figures below are zero; last month's are
              for comparison.
            </Alert>
          )}
          <Box className="report-section">
            <FiguresHeadline
              current={current}
              previous={report.previous}
              highShareChange={report.highShareChange}
              previousName="last month"
            />
          </Box>
          <Section title="Hours by relevance">
            <Box className="report-section">
              <BandChart title="Week by week" series={report.weeks} height={200} />
              <Text size="sm">The month: {bandSummary(current)}.</Text>
            </Box>
          </Section>
          <Section title="By kind">
            <GroupTable label="By kind" groupHeading="Kind" groups={report.kinds} />
          </Section>
          <Section title="Best sources">
            <GroupTable
              label="Best sources"
              groupHeading="Organiser or place"
              groups={report.bestSources}
              empty="No high-relevance time this month."
            />
          </Section>
          <Section title="Worst sources">
            <GroupTable
              label="Worst sources"
              groupHeading="Organiser or place"
              groups={report.worstSources}
              empty="No other rated sources this month."
            />
          </Section>
          <Section title="Goals">
            <GoalTable figures={report.goals} periodName="this month" />
          </Section>
          <Section title="What to change">
            <SuggestionList suggestions={report.suggestions} />
          </Section>
          <Section title="Next steps">
            <Text size="sm">{nextStepCounts(nextSteps)}</Text>
            <Text size="sm">{followUpCounts(report.followUps)}</Text>
            {steps.length > 0 && (
              <List size="sm" spacing={4} aria-label="Next steps of the month">
                {steps.map((item) => (
                  <List.Item key={item.interactionId}>
                    <Group gap={6} wrap="wrap">
                      <Text
                        size="sm"
                        fw={500}
                        td={item.state === 'done' ? 'line-through' : undefined}
                      >
                        {item.nextStep}
                      </Text>
                      <Text size="sm" c={item.state === 'overdue' ? 'red' : 'dimmed'}>
                        ({nextStepDates(item)}) from “{item.title}”
                      </Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title="Planned events">
            <PlannedMonth calibration={report.planned} />
          </Section>
          <Section title="Introductions">
            <ReportIntroductions introductions={report.introductions} />
          </Section>
          <Section title="Next month">
            <MonthNote
              month={month}
              stored={report.note}
              readOnly={snapshot.readOnlyReason !== null}
            />
          </Section>
        </Stack>
      </Box>
    </Stack>
  );
}

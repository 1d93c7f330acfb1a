import { Button, Grid, Stack, Text, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  bySource,
  byKind,
  lastMonths,
  lastWeeks,
  monthKeyOf,
  periodContaining,
  rolling,
  seriesFor,
  suggestChanges,
  trend,
  type Period,
} from '../../../../shared/analytics';
import { formatHours, formatShare } from '../../../../shared/report';
import { BandBreakdown } from './BandBreakdown';
import { BandChart } from './BandChart';
import { FiguresHeadline } from './FiguresHeadline';
import { FollowUpSection } from './FollowUpSection';
import { GroupTable } from './GroupTable';
import { PeriodInteractions } from './PeriodInteractions';
import { PeriodPicker } from './PeriodPicker';
import { periodTitle } from './PeriodStepper';
import { SuggestionList } from './SuggestionList';
import { useAnalytics } from './useAnalytics';
import { Section } from '../../ui/Section';
import { goalFiguresFor } from '../../../../shared/goals';
import { useJournalPart } from '../../app/journalContext';
import { GoalTable } from '../goals/GoalTable';
import { CalibrationFigures } from '../planned/CalibrationFigures';
import { useCalibration } from '../planned/useCalibration';

/**
 * Where the hours went: a period's figures, 12 weeks and 12 months of bands, sources, changes.
 * When the journal changes, the headline figures are redrawn at once and the charts and tables
 * a moment later, in a render that yields to input: the charts cost more than a frame.
 */
export function InsightsScreen({ onOpenJournal }: { onOpenJournal: () => void }) {
  const { facts: latestFacts, settings, today, count } = useAnalytics();
  const facts = useDeferredValue(latestFacts);
  const goals = useJournalPart((snapshot) => snapshot.goals);
  const weekStartsOn = settings.weekStartsOn;
  const [period, setPeriod] = useState<Period>(() =>
    periodContaining(today, 'month', weekStartsOn),
  );
  const [selected, setSelected] = useState<Period | null>(null);
  const lastDay = period.end - 1;

  const headline = useMemo(
    () => trend(latestFacts, period, weekStartsOn),
    [latestFacts, period, weekStartsOn],
  );
  const figures = useMemo(() => {
    const weeks = seriesFor(facts, lastWeeks(lastDay, 12, weekStartsOn));
    const months = seriesFor(facts, lastMonths(monthKeyOf(lastDay), 12));
    return {
      breakdown: trend(facts, period, weekStartsOn).current,
      weeks,
      months,
      half: rolling(facts, monthKeyOf(lastDay), 6).total,
      year: rolling(facts, monthKeyOf(lastDay), 12).total,
      kinds: byKind(facts, period),
      sources: bySource(facts, period),
      suggestions: suggestChanges(facts, Math.min(today, lastDay), settings),
    };
  }, [facts, period, lastDay, weekStartsOn, today, settings]);
  const calibration = useCalibration(lastDay, today);
  const goalFigures = useMemo(() => goalFiguresFor(facts, goals, period), [facts, goals, period]);

  // The same elements until the deferred figures change: React skips them in the urgent render.
  const sections = useMemo(
    () => (
      <>
        <Text size="sm" c="dimmed">
          Last 6 months: {formatHours(figures.half.totalMinutes)},{' '}
          {formatShare(figures.half.highShare)} high relevance. Last 12 months:{' '}
          {formatHours(figures.year.totalMinutes)}, {formatShare(figures.year.highShare)} high
          relevance.
        </Text>
        <Grid gap="md">
          {[
            { title: 'Hours by relevance, last 12 weeks', series: figures.weeks },
            { title: 'Hours by relevance, last 12 months', series: figures.months },
          ].map(({ title, series }) => (
            <Grid.Col key={title} span={{ base: 12, md: 6 }}>
              <BandChart title={title} series={series} onSelect={setSelected} />
            </Grid.Col>
          ))}
        </Grid>
        {selected && (
          <PeriodInteractions facts={facts} period={selected} onClose={() => setSelected(null)} />
        )}
        <Section title={`Breakdown, ${periodTitle(period)}`}>
          <BandBreakdown figures={figures.breakdown} />
          <GroupTable label="By kind" groupHeading="Kind" groups={figures.kinds} />
        </Section>
        <Section title="Sources">
          <GroupTable label="Sources" groupHeading="Organiser or place" groups={figures.sources} />
        </Section>
        <Section title="Goals">
          <GoalTable figures={goalFigures} periodName={`in ${periodTitle(period)}`} />
        </Section>
        <Section title="What to change">
          <SuggestionList suggestions={figures.suggestions} />
        </Section>
        <FollowUpSection facts={facts} period={period} today={today} />
        <Section title="Calibration: expected against actual, last 12 months">
          <CalibrationFigures calibration={calibration} />
        </Section>
      </>
    ),
    [figures, selected, facts, period, goalFigures, today, calibration],
  );

  if (count === 0) {
    return (
      <Stack align="flex-start">
        <Title order={2}>Insights</Title>
        <Text>
          Nothing to count yet. Log a few interactions and rate them; their hours show up here.
        </Text>
        <Button onClick={onOpenJournal}>Go to the journal</Button>
      </Stack>
    );
  }
  const previousName = period.grain === 'month' ? 'last month' : 'last week';
  return (
    <Stack gap="md">
      <Title order={2}>Insights: {periodTitle(period)}</Title>
      <PeriodPicker period={period} weekStartsOn={weekStartsOn} onChange={setPeriod} />
      <FiguresHeadline
        current={headline.current}
        previous={headline.previous}
        highShareChange={headline.highShareChange}
        previousName={previousName}
      />
      {sections}
    </Stack>
  );
}

import { BarChart } from '@mantine/charts';
import { Button, Collapse, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo } from 'react';
import { RELEVANCE_BAND_SHORT_LABELS, RELEVANCE_BANDS } from '../../../../shared/domain';
import type { Period, PeriodFigures } from '../../../../shared/analytics';
import { formatHours, periodLabel } from '../../../../shared/report';
import { BAND_CHART_COLORS } from '../../ui/bands';

interface Props {
  readonly title: string;
  readonly series: readonly PeriodFigures[];
  /** Called with a bar's period when it is clicked (or its row chosen in the table). */
  readonly onSelect?: (period: Period) => void;
  readonly height?: number;
}

const SERIES = RELEVANCE_BANDS.map((band) => ({
  name: band,
  label: RELEVANCE_BAND_SHORT_LABELS[band],
  color: BAND_CHART_COLORS[band],
}));

const hoursText = (hours: number) => formatHours(Math.round(hours * 60));

const STEPS = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500];

/** Round hours for the axis (0, 0.5, 1, 1.5 … or 0, 10, 20 …), at most about five of them. */
export function hourTicks(maxHours: number): number[] {
  const step = STEPS.find((candidate) => maxHours / candidate <= 4) ?? Math.ceil(maxHours / 4);
  const top = Math.max(step, Math.ceil(maxHours / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}

/**
 * Hours by relevance band as stacked bars, one per period, with a legend. The same figures
 * are a table underneath for keyboards and screen readers, each row opening its period.
 */
export function BandChart({ title, series, onSelect, height = 240 }: Props) {
  const [tableShown, table] = useDisclosure(false);
  const data = useMemo(
    () =>
      series.map((figures, index) => ({
        index,
        label: periodLabel(figures.period),
        ...Object.fromEntries(RELEVANCE_BANDS.map((band) => [band, figures.minutes[band] / 60])),
      })),
    [series],
  );
  const ticks = useMemo(
    () => hourTicks(Math.max(0, ...series.map((figures) => figures.totalMinutes / 60))),
    [series],
  );
  const select = (index: number) => {
    const figures = series[index];
    if (figures && onSelect) onSelect(figures.period);
  };
  return (
    <Stack gap={4} component="figure" m={0} aria-label={title}>
      <Text component="figcaption" fw={600}>
        {title}
      </Text>
      <BarChart
        h={height}
        data={data}
        dataKey="label"
        type="stacked"
        series={SERIES}
        withLegend
        legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
        valueFormatter={hoursText}
        yAxisProps={{ ticks, domain: [0, ticks[ticks.length - 1] ?? 1], interval: 0 }}
        tooltipAnimationDuration={0}
        barProps={{
          isAnimationActive: false,
          cursor: onSelect ? 'pointer' : undefined,
          onClick: (bar: { payload?: { index?: number } }) => select(bar.payload?.index ?? -1),
        }}
        aria-hidden
      />
      <VisuallyHidden>{title}: the table below holds the same figures.</VisuallyHidden>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={table.toggle}
        w="fit-content"
        className="print-hidden"
      >
        {tableShown ? 'Hide the figures' : 'Show the figures as a table'}
      </Button>
      <Collapse expanded={tableShown}>
        <Table striped withTableBorder fz="sm" aria-label={`${title} (table)`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              {RELEVANCE_BANDS.map((band) => (
                <Table.Th key={band} ta="right">
                  {RELEVANCE_BAND_SHORT_LABELS[band]}
                </Table.Th>
              ))}
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.map((figures, index) => (
              <Table.Tr key={figures.period.start}>
                <Table.Td>
                  {onSelect ? (
                    <Button variant="subtle" size="compact-xs" onClick={() => select(index)}>
                      {periodLabel(figures.period)}
                    </Button>
                  ) : (
                    periodLabel(figures.period)
                  )}
                </Table.Td>
                {RELEVANCE_BANDS.map((band) => (
                  <Table.Td key={band} ta="right">
                    {formatHours(figures.minutes[band])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatHours(figures.totalMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Collapse>
    </Stack>
  );
}

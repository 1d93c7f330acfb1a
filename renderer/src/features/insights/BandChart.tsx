import { Button, Collapse, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { RELEVANCE_BAND_SHORT_LABELS, RELEVANCE_BANDS } from '../../../../shared/domain';
import type { Period, PeriodFigures } from '../../../../shared/analytics';
import { formatHours, periodLabel } from '../../../../shared/report';
import { BandBars } from './BandBars';

interface Props {
  readonly title: string;
  readonly series: readonly PeriodFigures[];
  /** Called with a bar's period when it is clicked (or its row chosen in the table). */
  readonly onSelect?: (period: Period) => void;
  readonly height?: number;
}

/**
 * Hours by relevance band as stacked bars, one per period, with a legend. The same figures
 * are a table underneath for keyboards and screen readers, each row opening its period.
 */
export function BandChart({ title, series, onSelect, height = 240 }: Props) {
  const [tableShown, table] = useDisclosure(false);
  const select = (index: number) => {
    const figures = series[index];
    if (figures && onSelect) onSelect(figures.period);
  };
  return (
    <Stack gap={4} component="figure" m={0} aria-label={title}>
      <Text component="figcaption" fw={600}>
        {title}
      </Text>
      <BandBars series={series} height={height} onSelect={onSelect ? select : undefined} />
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

import { Badge, Table } from '@mantine/core';
import { RELEVANCE_BANDS, RELEVANCE_BAND_LABELS } from '../../../../shared/domain';
import type { Figures } from '../../../../shared/analytics';
import { formatHours, formatShare } from '../../../../shared/report';
import { BAND_COLORS } from '../../ui/bands';

/** Hours, share of all time and count per band, with the band's colour and name. */
export function BandBreakdown({ figures }: { figures: Figures }) {
  return (
    <Table withTableBorder fz="sm" aria-label="By relevance">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Relevance</Table.Th>
          <Table.Th ta="right">Hours</Table.Th>
          <Table.Th ta="right">Share of all time</Table.Th>
          <Table.Th ta="right">Interactions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {RELEVANCE_BANDS.map((band) => (
          <Table.Tr key={band}>
            <Table.Td>
              <Badge color={BAND_COLORS[band]} variant={band === 'unrated' ? 'outline' : 'light'}>
                {RELEVANCE_BAND_LABELS[band]}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">{formatHours(figures.minutes[band])}</Table.Td>
            <Table.Td ta="right">
              {formatShare(
                figures.totalMinutes === 0 ? null : figures.minutes[band] / figures.totalMinutes,
              )}
            </Table.Td>
            <Table.Td ta="right">{figures.counts[band]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

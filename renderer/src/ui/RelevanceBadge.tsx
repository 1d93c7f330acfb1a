import { Badge } from '@mantine/core';
import {
  RELEVANCE_BAND_SHORT_LABELS,
  RELEVANCE_LABELS,
  relevanceBand,
  type Relevance,
} from '../../../shared/domain';
import { BAND_COLORS } from './bands';
import { useBandThresholds } from './bandThresholds';

/** A rating at a glance: the band's colour and name, and the number. */
export function RelevanceBadge({ relevance }: { relevance: Relevance | null }) {
  const band = relevanceBand(relevance, useBandThresholds());
  const label =
    relevance === null ? 'Unrated' : `${RELEVANCE_BAND_SHORT_LABELS[band]} · ${relevance}`;
  const title =
    relevance === null ? 'Not rated yet' : `${RELEVANCE_LABELS[relevance]} (${relevance} of 5)`;
  return (
    <Badge
      color={BAND_COLORS[band]}
      variant={band === 'unrated' ? 'outline' : 'light'}
      title={title}
    >
      {label}
    </Badge>
  );
}

import { Box, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { memo } from 'react';
import type { PeriodFigures } from '../../../../shared/analytics';
import { RELEVANCE_BAND_SHORT_LABELS, RELEVANCE_BANDS } from '../../../../shared/domain';
import { formatHours, periodLabel } from '../../../../shared/report';
import { BAND_CHART_COLORS } from '../../ui/bands';
import { hourTicks } from './hourTicks';

interface Props {
  readonly series: readonly PeriodFigures[];
  readonly height: number;
  /** Called with a bar's index when it is clicked. */
  readonly onSelect?: (index: number) => void;
}

/** Room for the hour labels left of the bars, and the period labels under them. */
const AXIS_WIDTH = 48;
const LABEL_HEIGHT = 22;
const TOP = 8;
/** About how wide one character of an 11 px label is. */
const CHARACTER_WIDTH = 6.2;

/** Mantine's colour variable for a "teal.6" colour name. */
const colorOf = (name: string) => `var(--mantine-color-${name.replace('.', '-')})`;

const hoursText = (minutes: number) => formatHours(Math.round(minutes));

/** What a bar says when hovered: the period, its total and each band's hours. */
function barTitle(figures: PeriodFigures): string {
  const bands = RELEVANCE_BANDS.filter((band) => figures.minutes[band] > 0).map(
    (band) => `${RELEVANCE_BAND_SHORT_LABELS[band]} ${hoursText(figures.minutes[band])}`,
  );
  const parts = bands.length > 0 ? ` (${bands.join(', ')})` : '';
  return `${periodLabel(figures.period)}: ${hoursText(figures.totalMinutes)}${parts}`;
}

/**
 * Hours by relevance band as stacked bars, one per period, drawn as plain SVG: a redraw after
 * a journal change costs a few dozen elements, not a charting library's pass. Decorative for
 * assistive technology (BandChart gives the same figures as a table).
 */
export const BandBars = memo(function BandBars({ series, height, onSelect }: Props) {
  const { ref, width } = useElementSize<HTMLDivElement>();
  const maxHours = Math.max(0, ...series.map((figures) => figures.totalMinutes / 60));
  const ticks = hourTicks(maxHours);
  const topHours = ticks[ticks.length - 1] ?? 1;
  const plotWidth = Math.max(0, width - AXIS_WIDTH);
  const plotHeight = height - LABEL_HEIGHT - TOP;
  const slot = series.length > 0 ? plotWidth / series.length : 0;
  const barWidth = Math.max(2, slot * 0.6);
  const y = (hours: number) => TOP + plotHeight - (hours / topHours) * plotHeight;
  const longest = Math.max(0, ...series.map((figures) => periodLabel(figures.period).length));
  const labelEvery = slot > 0 ? Math.max(1, Math.ceil((longest * CHARACTER_WIDTH + 8) / slot)) : 1;
  return (
    <Box>
      <div ref={ref} style={{ height }} aria-hidden>
        {width > 0 && (
          <svg width={width} height={height} style={{ display: 'block', overflow: 'visible' }}>
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={AXIS_WIDTH}
                  x2={width}
                  y1={y(tick)}
                  y2={y(tick)}
                  stroke="var(--mantine-color-default-border)"
                  strokeDasharray={tick === 0 ? undefined : '3 3'}
                />
                <text
                  x={AXIS_WIDTH - 6}
                  y={y(tick)}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize={11}
                  fill="var(--mantine-color-dimmed)"
                >
                  {hoursText(tick * 60)}
                </text>
              </g>
            ))}
            {series.map((figures, index) => {
              const x = AXIS_WIDTH + index * slot + (slot - barWidth) / 2;
              let stacked = 0;
              return (
                <g
                  key={figures.period.start}
                  onClick={onSelect ? () => onSelect(index) : undefined}
                  style={onSelect ? { cursor: 'pointer' } : undefined}
                >
                  <title>{barTitle(figures)}</title>
                  {/* The whole slot takes the click, so short bars are easy to hit. */}
                  <rect
                    x={AXIS_WIDTH + index * slot}
                    y={TOP}
                    width={slot}
                    height={plotHeight}
                    fill="transparent"
                  />
                  {RELEVANCE_BANDS.map((band) => {
                    const hours = figures.minutes[band] / 60;
                    if (hours <= 0) return null;
                    const bottom = y(stacked);
                    stacked += hours;
                    return (
                      <rect
                        key={band}
                        x={x}
                        y={y(stacked)}
                        width={barWidth}
                        height={Math.max(0, bottom - y(stacked))}
                        fill={colorOf(BAND_CHART_COLORS[band])}
                      />
                    );
                  })}
                  {index % labelEvery === 0 && (
                    <text
                      x={x + barWidth / 2}
                      y={height - 6}
                      textAnchor="middle"
                      fontSize={11}
                      fill="var(--mantine-color-dimmed)"
                    >
                      {periodLabel(figures.period)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </div>
      <Group gap="md" justify="center" mt={4} aria-hidden>
        {RELEVANCE_BANDS.map((band) => (
          <Group key={band} gap={6} wrap="nowrap">
            <Box
              w={10}
              h={10}
              style={{ borderRadius: 2, background: colorOf(BAND_CHART_COLORS[band]) }}
            />
            <Text size="xs">{RELEVANCE_BAND_SHORT_LABELS[band]}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
});

import { Button, Group, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { monthKeyOf, monthPeriod, type JournalFacts } from '../../../../shared/analytics';
import { interactionsCsv } from '../../../../shared/report/csv';
import { monthReportMarkdown, monthTitle, type MonthReport } from '../../../../shared/report';
import { usePlatform } from '../../app/platformContext';
import { messageOf } from '../../ui/errors';
import { viewerTimeZone } from '../../ui/format';
import { PeriodStepper } from '../insights/PeriodStepper';
import { inLightScheme } from './printScheme';

const PAGE_SIZES: PageSize[] = ['A4', 'Letter'];
type PageSize = 'A4' | 'Letter';

interface Props {
  readonly report: MonthReport;
  readonly facts: JournalFacts;
  readonly onMonthChange: (month: string) => void;
}

/** Month, page size and the exports; none of it is printed. */
export function ReportToolbar({ report, facts, onMonthChange }: Props) {
  const platform = usePlatform();
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const [busy, setBusy] = useState<string | null>(null);
  const { month } = report;
  const name = `relevance-report-${month}`;

  const run = async (label: string, work: () => Promise<string | null>) => {
    setBusy(label);
    try {
      const message = await work();
      if (message) notifications.show({ message });
    } catch (error) {
      notifications.show({ color: 'red', title: `${label} failed`, message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  const savePdf = () =>
    run('PDF', async () => {
      const result = await inLightScheme(() =>
        platform.exports.savePdf({
          suggestedName: `${name}.pdf`,
          pageSize,
          title: monthTitle(month),
        }),
      );
      return result.saved ? `PDF saved to ${result.path}.` : null;
    });
  const saveMarkdown = () =>
    run('Markdown', async () => {
      const result = await platform.exports.saveFile({
        suggestedName: `${name}.md`,
        contents: monthReportMarkdown(report),
        kind: 'markdown',
      });
      return result.saved ? `Markdown saved to ${result.path}.` : null;
    });
  const saveCsv = () =>
    run('CSV', async () => {
      const items = [...facts.interactionsIn(monthPeriod(month))].reverse();
      const result = await platform.exports.saveFile({
        suggestedName: `interactions-${month}.csv`,
        contents: interactionsCsv(items, { timeZoneFallback: viewerTimeZone() }),
        kind: 'csv',
      });
      return result.saved ? `CSV of ${items.length} interactions saved to ${result.path}.` : null;
    });

  return (
    <Group justify="space-between" className="print-hidden" wrap="wrap" gap="sm">
      <style>{`@page { size: ${pageSize}; margin: 14mm; }`}</style>
      <PeriodStepper
        period={monthPeriod(month)}
        onChange={(period) => onMonthChange(monthKeyOf(period.start))}
      />
      <Group gap="xs">
        <SegmentedControl
          aria-label="Page size"
          size="xs"
          value={pageSize}
          data={PAGE_SIZES}
          onChange={setPageSize}
        />
        <Button
          leftSection={<IconPrinter size={16} />}
          onClick={() => void savePdf()}
          loading={busy === 'PDF'}
        >
          {platform.exports.canSavePdf ? 'Save as PDF' : 'Print or save as PDF'}
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          onClick={() => void saveMarkdown()}
          loading={busy === 'Markdown'}
        >
          Markdown
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          onClick={() => void saveCsv()}
          loading={busy === 'CSV'}
        >
          CSV
        </Button>
      </Group>
    </Group>
  );
}

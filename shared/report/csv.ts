/**
 * The journal's interactions as a CSV file (RFC 4180), one row each, oldest first, for a
 * spreadsheet. Saving adds the byte order mark Excel needs (see savedFileText).
 */
import {
  DEFAULT_BAND_THRESHOLDS,
  INTERACTION_KIND_LABELS,
  INTERACTION_RECORD,
  RELEVANCE_BAND_SHORT_LABELS,
  relevanceBand,
  type BandThresholds,
  type FieldSpec,
  type Interaction,
} from '../domain';

export interface InteractionsCsvOptions {
  /**
   * The zone used for an interaction whose own time zone is not a valid IANA name; UTC
   * when this one is missing or invalid too.
   */
  readonly timeZoneFallback?: string;
  /** Where the relevance bands start; the documented default otherwise. */
  readonly bands?: BandThresholds;
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
 * injection"): a title such as =HYPERLINK(…) could fetch a URL or run a command. Such a
 * field gets a leading apostrophe, which spreadsheets read as "this is text" and hide.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field as RFC 4180 writes it: quoted, quotes doubled, when it holds , " CR or LF. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record: fields joined by commas, ended by CRLF. */
function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** One formatter per time zone (null: not a zone this runtime knows); they are costly to make. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      formatter = null; // RangeError: an unknown time zone
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone a row is written in: its own, else the fallback, else UTC. */
function zoneFor(timeZone: string, fallback: string | undefined): string {
  if (formatterFor(timeZone)) return timeZone;
  return fallback !== undefined && formatterFor(fallback) ? fallback : 'UTC';
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in a known zone. */
function localDateTime(instant: string, timeZone: string): { date: string; time: string } {
  const at = Date.parse(instant);
  const formatter = formatterFor(timeZone);
  if (!formatter || Number.isNaN(at)) return { date: '', time: '' };
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatter.formatToParts(at)) parts[type] = value;
  const year = (parts.year ?? '').padStart(4, '0');
  return {
    date: `${year}-${parts.month ?? ''}-${parts.day ?? ''}`,
    time: `${parts.hour ?? ''}:${parts.minute ?? ''}`,
  };
}

function byStartOldestFirst(a: Interaction, b: Interaction): number {
  return (
    Date.parse(a.startedAt) - Date.parse(b.startedAt) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/** What each row is written with: the options, and the zone of its interaction. */
interface RowContext {
  readonly options: InteractionsCsvOptions;
  readonly zone: string;
}

/**
 * Fields written as more than their value: the start as the local date, time and zone; the
 * duration also in hours; the kind by its label; the rating with its band. The zone is
 * written with the start.
 */
interface Column {
  readonly headers: readonly string[];
  readonly cells: (item: Interaction, row: RowContext) => string[];
}

const COMPUTED: Partial<Record<string, Column>> = {
  startedAt: {
    headers: ['Date', 'Start time', 'Time zone'],
    cells: (item, { zone }) => {
      const { date, time } = localDateTime(item.startedAt, zone);
      return [date, time, zone];
    },
  },
  timeZone: { headers: [], cells: () => [] },
  durationMinutes: {
    headers: ['Minutes', 'Hours'],
    cells: (item) => [String(item.durationMinutes), (item.durationMinutes / 60).toFixed(2)],
  },
  kind: { headers: ['Kind'], cells: (item) => [INTERACTION_KIND_LABELS[item.kind]] },
  relevance: {
    headers: ['Relevance', 'Band'],
    cells: (item, { options }) => {
      const band = relevanceBand(item.relevance, options.bands ?? DEFAULT_BAND_THRESHOLDS);
      return [
        item.relevance === null ? '' : String(item.relevance),
        RELEVANCE_BAND_SHORT_LABELS[band],
      ];
    },
  },
};

/** A field's value as a spreadsheet cell: lists joined with "; ", none as empty. */
function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellOf).join('; ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The columns, in the descriptor's order of fields: computed ones, then every field that has
 * a CSV heading (a field added to the descriptor with one is exported with no change here),
 * then the reflection's text.
 */
const FIELD_SPECS: Readonly<Record<string, FieldSpec | undefined>> = INTERACTION_RECORD.fields;

const COLUMNS = INTERACTION_RECORD.keys.flatMap((key): Column[] => {
  const computed = COMPUTED[key];
  if (computed) return [computed];
  const spec = FIELD_SPECS[key];
  if (spec?.column === undefined) return [];
  const heading = spec.column;
  const field: keyof Interaction = key;
  return [{ headers: [heading], cells: (item) => [cellOf(item[field])] }];
});

const HEADER = [...COLUMNS.flatMap((column) => column.headers), 'Reflection'];

function interactionFields(
  interaction: Interaction,
  options: InteractionsCsvOptions,
): readonly string[] {
  const row = { options, zone: zoneFor(interaction.timeZone, options.timeZoneFallback) };
  return [
    ...COLUMNS.flatMap((column) => column.cells(interaction, row)),
    interaction.reflectionText,
  ];
}

/**
 * The interactions as CSV: a header row, then one row per interaction, oldest first, CRLF
 * line ends. Dates and times are local to each interaction's own time zone, which the
 * "Time zone" column names (the fallback's, when its own was not a valid zone).
 */
export function interactionsCsv(
  interactions: readonly Interaction[],
  options: InteractionsCsvOptions = {},
): string {
  const rows = [...interactions]
    .sort(byStartOldestFirst)
    .map((interaction) => csvRecord(interactionFields(interaction, options)));
  return csvRecord(HEADER) + rows.join('');
}

/**
 * The journal's interactions as a CSV file (RFC 4180), one row each, oldest first, for a
 * spreadsheet. Saving adds the byte order mark Excel needs (see savedFileText).
 */
import {
  DEFAULT_BAND_THRESHOLDS,
  INTERACTION_KIND_LABELS,
  RELEVANCE_BAND_SHORT_LABELS,
  relevanceBand,
  type BandThresholds,
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

const HEADER = [
  'Date',
  'Start time',
  'Time zone',
  'Minutes',
  'Hours',
  'Kind',
  'Title',
  'Organiser or place',
  'People',
  'Relevance',
  'Band',
  'What I wanted',
  'What I got',
  'Next step',
  'Next step due',
  'Next step done',
  'Reflection',
];

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

function interactionFields(
  interaction: Interaction,
  options: InteractionsCsvOptions,
): readonly string[] {
  const zone = zoneFor(interaction.timeZone, options.timeZoneFallback);
  const { date, time } = localDateTime(interaction.startedAt, zone);
  const minutes = interaction.durationMinutes;
  const band = relevanceBand(interaction.relevance, options.bands ?? DEFAULT_BAND_THRESHOLDS);
  return [
    date,
    time,
    zone,
    String(minutes),
    (minutes / 60).toFixed(2),
    INTERACTION_KIND_LABELS[interaction.kind],
    interaction.title,
    interaction.place,
    interaction.people.join('; '),
    interaction.relevance === null ? '' : String(interaction.relevance),
    RELEVANCE_BAND_SHORT_LABELS[band],
    interaction.intent,
    interaction.outcome,
    interaction.nextStep,
    interaction.nextStepDue ?? '',
    interaction.nextStepDone ?? '',
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

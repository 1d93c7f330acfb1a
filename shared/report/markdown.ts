import { INTERACTION_KIND_LABELS, RELEVANCE_BAND_SHORT_LABELS, RELEVANCE_BANDS } from '../domain';
import { eventDateLabel, formatDifference, plannedMonthSummary } from '../plans';
import type { Figures, GroupFigures, NextStepItem, PeriodFigures } from '../analytics';
import {
  formatHours,
  formatMean,
  formatShare,
  formatShareChange,
  monthTitle,
  periodLabel,
} from './format';
import { reportNextSteps, type MonthReport } from './monthReport';
import { introductionCounts, introductionHeadline } from '../contacts';
import { withoutTimeSentence, type GoalsInPeriod } from '../goals';
import {
  followUpCounts,
  nextStepCounts,
  nextStepDates,
  suggestionEvidence,
  suggestionHeadline,
} from './sentences';

/**
 * Characters that are Markdown wherever they stand: backslash, code, emphasis, links,
 * strike-through and table cells. (Parentheses and "!" only act after a link's "]", which is
 * escaped.)
 */
const ALWAYS = /[\\`*[\]|~]/;
/** An underscore emphasises only where it is not inside a word ("snake_case" is text). */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** "<" opens HTML or an autolink only before a letter, "/", "!" or "?". */
const TAG_START = /[A-Za-z/!?]/;
/** "&" is markup only as the start of an entity: &amp; &#38; &#x26; */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
/**
 * What makes a line a heading, a quote, a list item, or a rule or heading underline ("---",
 * "==="), after up to three spaces: escaping the one character at `index` undoes it.
 */
const BLOCK_STARTS: readonly { readonly pattern: RegExp; readonly index: number }[] = [
  { pattern: /^ {0,3}#{1,6}(?:\s|$)/, index: 0 },
  { pattern: /^ {0,3}>/, index: 0 },
  { pattern: /^ {0,3}[-+](?:\s|$)/, index: 0 },
  { pattern: /^ {0,3}(?:-[ \t]*){3,}$/, index: 0 },
  { pattern: /^ {0,3}-+[ \t]*$/, index: 0 },
  { pattern: /^ {0,3}=+[ \t]*$/, index: 0 },
  // An ordered list item: the "." or ")" after the number.
  { pattern: /^ {0,3}\d{1,9}[.)](?:\s|$)/, index: -1 },
];
const LINE_BREAK = /\r\n|\r|\n/;
/** A web address as Markdown's readers link it by itself (GitHub's autolinks). */
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)[^\s<]*[^\s<?!.,:*_~'")\]]/;

/**
 * One line of text made safe for Markdown with as few backslashes as will do: a character
 * is escaped only where it would be markup, so "thank-you (kind)" stays as it is.
 */
function escapeLine(line: string): string {
  let out = '';
  for (let index = 0; index < line.length; index++) {
    const starts = line.charAt(index);
    const address = starts === 'h' || starts === 'w' ? WEB_ADDRESS.exec(line.slice(index)) : null;
    if (address && !WORD_CHARACTER.test(line.charAt(index - 1))) {
      // A web address becomes a link as it is written: a backslash in it would show.
      out += address[0].replaceAll('|', '\\|');
      index += address[0].length - 1;
      continue;
    }
    const char = line.charAt(index);
    const before = line.charAt(index - 1);
    const after = line.charAt(index + 1);
    const markup =
      ALWAYS.test(char) ||
      (char === '_' && !(WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after))) ||
      (char === '<' && TAG_START.test(after)) ||
      (char === '&' && ENTITY.test(line.slice(index)));
    out += markup ? `\\${char}` : char;
  }
  return escapeBlockStart(out);
}

/** A backslash before what would make the line a block (the text may start a line). */
function escapeBlockStart(line: string): string {
  for (const { pattern, index } of BLOCK_STARTS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const indent = match[0].length - match[0].trimStart().length;
    const at = index === 0 ? indent : match[0].trimEnd().length - 1;
    return `${line.slice(0, at)}\\${line.slice(at)}`;
  }
  return line;
}

/**
 * Text a person wrote, made safe for Markdown: no markup takes effect, no line breaks a table.
 * Spaces at either end go (Markdown drops them; four in front would start a code block, and
 * one before a closing "**" would undo the bold).
 */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.split(LINE_BREAK).join(' ').trim());
}

/**
 * Multi-line text a person wrote, as a Markdown block quote: markup escaped line by line,
 * indentation dropped (four spaces would start a code block), and each line break kept as a
 * hard break (a backslash at the line's end), since Markdown would join the lines into one.
 */
function quote(text: string): string {
  const lines = text.split(LINE_BREAK).map((line) => escapeLine(line.trimStart()));
  return lines
    .map((line, index) => {
      const next = lines[index + 1];
      const hardBreak = line !== '' && next !== undefined && next !== '' ? '\\' : '';
      return `> ${line}${hardBreak}`;
    })
    .join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, index) => (index === 0 ? '---' : '---:'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function bandCells(figures: Figures): string[] {
  return [
    ...RELEVANCE_BANDS.map((band) => formatHours(figures.minutes[band])),
    formatHours(figures.totalMinutes),
  ];
}

function headline(report: MonthReport): string {
  const { current, previous } = report;
  const rows: string[][] = [
    ['Hours', formatHours(current.totalMinutes), formatHours(previous.totalMinutes)],
    [
      'High-relevance share of rated time',
      `${formatShare(current.highShare)} (${formatShareChange(report.highShareChange)})`,
      formatShare(previous.highShare),
    ],
    ['Interactions', String(current.interactions), String(previous.interactions)],
    [
      'Relevance, weighted by time',
      formatMean(current.weightedRelevance),
      formatMean(previous.weightedRelevance),
    ],
  ];
  const notes = [
    `Unrated: ${formatHours(current.minutes.unrated)} in ${plural(current.counts.unrated, 'interaction')}.`,
    current.zeroMinuteInteractions > 0
      ? `${plural(current.zeroMinuteInteractions, 'interaction')} of zero minutes (counted, no time).`
      : '',
  ].filter(Boolean);
  return [table(['', 'This month', 'Last month'], rows), '', notes.join(' ')].join('\n');
}

/** "High 3 h, Medium 2 h, Low 1 h, Unrated 0 h". */
export function bandSummary(figures: Figures): string {
  return RELEVANCE_BANDS.map(
    (band) => `${RELEVANCE_BAND_SHORT_LABELS[band]} ${formatHours(figures.minutes[band])}`,
  ).join(', ');
}

function weeksTable(weeks: readonly PeriodFigures[]): string {
  return table(
    ['Week', ...RELEVANCE_BANDS.map((band) => RELEVANCE_BAND_SHORT_LABELS[band]), 'Total'],
    weeks.map((week) => [periodLabel(week.period), ...bandCells(week)]),
  );
}

function groupTable(title: string, groups: readonly GroupFigures[]): string {
  if (groups.length === 0) return '_None this month._';
  return table(
    [title, 'Hours', 'High relevance', 'Relevance (time-weighted)', 'Interactions'],
    groups.map((group) => [
      escapeMarkdown(group.label),
      formatHours(group.totalMinutes),
      formatHours(group.minutes.high),
      formatMean(group.weightedRelevance),
      String(group.interactions),
    ]),
  );
}

function nextStepLines(items: readonly NextStepItem[]): string {
  if (items.length === 0) return '_None._';
  return items
    .map(
      (item) =>
        `- [${item.state === 'done' ? 'x' : ' '}] ${escapeMarkdown(item.nextStep)} (${nextStepDates(item)}) — from “${escapeMarkdown(item.title)}”`,
    )
    .join('\n');
}

function goalsSection(goals: GoalsInPeriod): string {
  const sentence = escapeMarkdown(withoutTimeSentence(goals, 'this month'));
  if (goals.goals.length === 0) return sentence;
  const rows = goals.goals.map((item) => [
    escapeMarkdown(item.goal.description),
    formatHours(item.minutes),
    formatHours(item.highMinutes),
    String(item.interactions),
  ]);
  return `${table(['Goal', 'Hours', 'High relevance', 'Interactions'], rows)}\n\n${sentence}`;
}

function introductionLines(report: MonthReport): string {
  const { introductions } = report;
  const lines = introductions.lines.map(
    (line) =>
      `- ${line.date}: ${escapeMarkdown(introductionHeadline(line))} — ${line.outcome.trim() ? escapeMarkdown(line.outcome.trim()) : '_what came of it not noted yet_'}`,
  );
  return [introductionCounts(introductions), ...(lines.length ? ['', ...lines] : [])].join('\n');
}

/** The month's report as Markdown: the same sections and figures as on screen. */
export function monthReportMarkdown(report: MonthReport): string {
  const { nextSteps } = report;
  const sections = [
    `# Relevance report: ${monthTitle(report.month)}`,
    report.previousNote.trim()
      ? `**Last month I planned to change:**\n\n${quote(report.previousNote.trim())}`
      : '',
    `## Headline\n\n${headline(report)}`,
    `## Hours by relevance, week by week\n\n${weeksTable(report.weeks)}\n\nThe month: ${bandSummary(report.current)}.`,
    `## By kind\n\n${groupTable('Kind', report.kinds)}`,
    `## Best sources\n\n${groupTable('Organiser or place', report.bestSources)}`,
    `## Worst sources\n\n${groupTable('Organiser or place', report.worstSources)}`,
    `## Goals\n\n${goalsSection(report.goals)}`,
    `## What to change\n\n${
      report.suggestions.length === 0
        ? '_No suggestions: nothing crossed the thresholds._'
        : report.suggestions
            .map((s) => `- **${escapeMarkdown(suggestionHeadline(s))}**: ${suggestionEvidence(s)}`)
            .join('\n')
    }`,
    `## Next steps\n\n${nextStepCounts(nextSteps)}\n\n${followUpCounts(report.followUps)}\n\n${nextStepLines(reportNextSteps(report))}`,
    `## Planned events\n\n${plannedSection(report)}`,
    `## Introductions\n\n${introductionLines(report)}`,
    `## What I'll change next month\n\n${report.note.trim() ? quote(report.note.trim()) : '_Not written yet._'}`,
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

/** The month's planned events: attended with expected against actual, skipped with time kept. */
function plannedSection({ planned }: MonthReport): string {
  const summary = plannedMonthSummary(planned);
  const attended =
    planned.attended.length === 0
      ? ''
      : table(
          ['Event', 'Date', 'Kind', 'Organiser', 'Expected', 'Actual', 'Difference'],
          planned.attended.map((entry) => [
            escapeMarkdown(entry.title),
            eventDateLabel(entry.date),
            INTERACTION_KIND_LABELS[entry.kind],
            escapeMarkdown(entry.organiser) || '–',
            String(entry.expected),
            String(entry.actual),
            formatDifference(entry.difference),
          ]),
        );
  const skipped =
    planned.skipped.length === 0
      ? ''
      : table(
          ['Skipped', 'Date', 'Expected', 'Time kept', 'Reason'],
          planned.skipped.map((event) => [
            escapeMarkdown(event.title),
            eventDateLabel(event.date),
            event.expectedRelevance === null ? '–' : String(event.expectedRelevance),
            formatHours(event.expectedMinutes),
            escapeMarkdown(event.reason) || '–',
          ]),
        );
  return [summary, attended, skipped].filter(Boolean).join('\n\n');
}

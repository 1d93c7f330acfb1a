import { describe, expect, it } from 'vitest';
import { bandSummary, escapeMarkdown, monthReportMarkdown } from '../../../../shared/report';
import { formatHours, formatMean, formatShare } from '../../../../shared/report/format';
import { octoberJournal, reportOf, stored } from '../../../fixtures/reportJournal';

/** The document's sections: the title block, then one per "## " heading. */
function sections(markdown: string): string[] {
  return markdown.split(/\n\n(?=## )/);
}

/** The section under `heading`, without the heading. */
function section(markdown: string, heading: string): string {
  const found = sections(markdown).find((text) => text.startsWith(`## ${heading}\n\n`));
  if (found === undefined) throw new Error(`No section "${heading}"`);
  return found.slice(`## ${heading}\n\n`.length);
}

/** The cells of a table row, split on the pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

/** The two header lines of a table of kinds or sources. */
const groupHeader = (title: string) =>
  `| ${title} | Hours | High relevance | Relevance (time-weighted) | Interactions |\n` +
  '| --- | ---: | ---: | ---: | ---: |';
const SOURCES_HEADER = groupHeader('Organiser or place');

const HEADLINE_HEADER = '|  | This month | Last month |\n| --- | ---: | ---: |';

describe('monthReportMarkdown: October 2026', () => {
  const report = reportOf(octoberJournal().list, '2026-10', {
    notes: { '2026-09': 'Fewer expos.', '2026-10': 'Skip vendor expos; more coffees.' },
  });
  const markdown = monthReportMarkdown(report);

  it('has a title, last month’s plan, then the sections in the order of the screen', () => {
    expect(sections(markdown).map((text) => text.split('\n')[0])).toEqual([
      '# Relevance report: October 2026',
      '## Headline',
      '## Hours by relevance, week by week',
      '## By kind',
      '## Best sources',
      '## Worst sources',
      '## Goals',
      '## What to change',
      '## Next steps',
      '## Planned events',
      '## Introductions',
      "## What I'll change next month",
    ]);
    expect(sections(markdown)[0]).toBe(
      '# Relevance report: October 2026\n\n**Last month I planned to change:**\n\n> Fewer expos.',
    );
    expect(markdown.endsWith('coffees.\n')).toBe(true);
    expect(markdown).not.toMatch(/\n\n\n/);
  });

  it('writes the headline figures worked out by hand', () => {
    expect(section(markdown, 'Headline')).toBe(
      [
        HEADLINE_HEADER,
        '| Hours | 6 h | 1 h |',
        '| High-relevance share of rated time | 45% (+45 pts) | 0% |',
        '| Interactions | 4 | 1 |',
        '| Relevance, weighted by time | 3.1 | 3.0 |',
        '',
        'Unrated: 0.5 h in 1 interaction.',
      ].join('\n'),
    );
  });

  it('writes the same figures as the screen shows', () => {
    const headline = section(markdown, 'Headline');
    expect(headline).toContain(`| Hours | ${formatHours(report.current.totalMinutes)} |`);
    expect(headline).toContain(`| ${formatShare(report.current.highShare)} (`);
    expect(headline).toContain(`| ${formatMean(report.current.weightedRelevance)} |`);
    expect(section(markdown, 'Hours by relevance, week by week')).toContain(
      `The month: ${bandSummary(report.current)}.`,
    );
  });

  it('writes the weeks cut to the month, and the month by band', () => {
    expect(section(markdown, 'Hours by relevance, week by week')).toBe(
      [
        '| Week | High | Medium | Low | Unrated | Total |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        '| 1–4 Oct | 0 h | 0 h | 0 h | 0 h | 0 h |',
        '| 5–11 Oct | 1 h | 0 h | 0 h | 0 h | 1 h |',
        '| 12–18 Oct | 0 h | 0 h | 3 h | 0 h | 3 h |',
        '| 19–25 Oct | 0 h | 0 h | 0 h | 0.5 h | 0.5 h |',
        '| 26–31 Oct | 1.5 h | 0 h | 0 h | 0 h | 1.5 h |',
        '',
        'The month: High 2.5 h, Medium 0 h, Low 3 h, Unrated 0.5 h.',
      ].join('\n'),
    );
  });

  it('writes the kinds, and the best and worst sources', () => {
    expect(section(markdown, 'By kind')).toBe(
      [
        groupHeader('Kind'),
        '| Conference | 3 h | 0 h | 2.0 | 1 |',
        '| Meal | 1.5 h | 1.5 h | 4.0 | 1 |',
        '| Coffee | 1 h | 1 h | 5.0 | 1 |',
        '| Call | 0.5 h | 0 h | – | 1 |',
      ].join('\n'),
    );
    expect(section(markdown, 'Best sources')).toBe(
      [
        SOURCES_HEADER,
        '| Sobrino de Botín | 1.5 h | 1.5 h | 4.0 | 1 |',
        '| Café Comercial | 1 h | 1 h | 5.0 | 1 |',
      ].join('\n'),
    );
    expect(section(markdown, 'Worst sources')).toBe(
      [SOURCES_HEADER, '| Expo Hall B | 3 h | 0 h | 2.0 | 1 |'].join('\n'),
    );
  });

  it('writes the suggestions of the 90 days up to 31 October', () => {
    const window = '3 Aug 2026 – 31 Oct 2026';
    expect(section(markdown, 'What to change')).toBe(
      [
        `- **Consider dropping Conference (kind)**: 3 h in ${window}, time-weighted relevance 2.0, 1 interaction.`,
        `- **Consider dropping Expo Hall B**: 3 h in ${window}, time-weighted relevance 2.0, 1 interaction.`,
        `- **Do more of Sobrino de Botín**: 1.5 h of high-relevance time in ${window}, out of 1.5 h, 1 interaction.`,
        `- **Do more of Café Comercial**: 1 h of high-relevance time in ${window}, out of 1 h, 1 interaction.`,
      ].join('\n'),
    );
  });

  it('writes each next step once, overdue first, done ones ticked', () => {
    expect(section(markdown, 'Next steps')).toBe(
      [
        // September's step (Ask Tom…) is still open: counted, not listed, in October's report.
        'Due this month: 2 · Done this month: 1 · Overdue: 1 · Still open from earlier months: 1',
        '',
        // Send Ana my CV was done a day early: on time.
        'Follow-ups due this month (interactions and contacts): 2 · Done on time: 1 · Done late: 0 · Overdue: 1',
        '',
        '- [ ] Email the battery buyer (due 20 Oct 2026, overdue) — from “Energy Storage Expo”',
        '- [x] Send Ana my CV (due 9 Oct 2026, done 8 Oct 2026) — from “Coffee with Ana Lopez”',
        '- [ ] Thank the Ridgeway team (no due date) — from “Dinner with the Ridgeway team”',
      ].join('\n'),
    );
  });

  it('ends with the month’s note', () => {
    expect(section(markdown, "What I'll change next month")).toBe(
      '> Skip vendor expos; more coffees.\n',
    );
  });
});

describe('monthReportMarkdown: a month with nothing in it', () => {
  const markdown = monthReportMarkdown(reportOf([], '2026-02'));

  it('writes zero figures, dashes for shares and relevance, and no comparison', () => {
    expect(section(markdown, 'Headline')).toBe(
      [
        HEADLINE_HEADER,
        '| Hours | 0 h | 0 h |',
        '| High-relevance share of rated time | – (no comparison) | – |',
        '| Interactions | 0 | 0 |',
        '| Relevance, weighted by time | – | – |',
        '',
        'Unrated: 0 h in 0 interactions.',
      ].join('\n'),
    );
  });

  it('writes its "none" lines, and no plan from last month', () => {
    expect(markdown).not.toContain('Last month I planned to change');
    expect(section(markdown, 'By kind')).toBe('_None this month._');
    expect(section(markdown, 'Best sources')).toBe('_None this month._');
    expect(section(markdown, 'Worst sources')).toBe('_None this month._');
    expect(section(markdown, 'What to change')).toBe(
      '_No suggestions: nothing crossed the thresholds._',
    );
    expect(section(markdown, 'Next steps')).toBe(
      [
        'Due this month: 0 · Done this month: 0 · Overdue: 0',
        '',
        'Follow-ups due this month (interactions and contacts): 0 · Done on time: 0 · Done late: 0 · Overdue: 0',
        '',
        '_None._',
      ].join('\n'),
    );
    expect(section(markdown, "What I'll change next month")).toBe('_Not written yet._\n');
  });

  it('still writes a row per week, from Sunday 1 February', () => {
    const weeks = section(markdown, 'Hours by relevance, week by week').split('\n');
    expect(weeks.slice(2, 7).map((row) => cells(row)[0])).toEqual([
      '1 Feb',
      '2–8 Feb',
      '9–15 Feb',
      '16–22 Feb',
      '23–28 Feb',
    ]);
    expect(weeks.at(-1)).toBe('The month: High 0 h, Medium 0 h, Low 0 h, Unrated 0 h.');
  });

  it('treats a note of blank lines as not written', () => {
    const blank = monthReportMarkdown(
      reportOf([], '2026-02', { notes: { '2026-01': ' \n ', '2026-02': '\n\t' } }),
    );
    expect(blank).not.toContain('Last month I planned to change');
    expect(section(blank, "What I'll change next month")).toBe('_Not written yet._\n');
  });
});

describe('monthReportMarkdown: text a person wrote', () => {
  const list = [
    stored({
      startedAt: '2026-11-12T08:30:00.000Z',
      place: 'Bar | Grill *VIP*',
      relevance: 5,
      durationMinutes: 60,
      kind: 'coffee',
      title: 'Drinks_after_work',
      nextStep: '**Call** Ana [now](x) | then `rm -rf`',
      nextStepDue: null,
    }),
    stored({
      startedAt: '2026-11-10T18:00:00.000Z',
      place: '[link](javascript:x)',
      relevance: 1,
      durationMinutes: 180,
      kind: 'event',
      title: 'Pitch night #3\n<script>alert(1)</script>',
      nextStep: '',
    }),
    stored({
      startedAt: '2026-11-03T18:00:00.000Z',
      place: '',
      relevance: null,
      durationMinutes: 0,
      kind: 'message',
      title: 'Thanks',
      nextStep: '',
    }),
  ];
  const note = [
    '# heading',
    'Tom &amp; Jerry <b>bold</b> ~~gone~~ _under_',
    '',
    '1. not a list',
    '> not a quote',
    'Plan',
    '===',
    '    not code',
    'last line \\',
  ].join('\n');
  const markdown = monthReportMarkdown(
    reportOf(list, '2026-11', { notes: { '2026-10': 'Less | more\r\nof it', '2026-11': note } }),
  );

  it('escapes a source’s name in a table row, keeping its cells', () => {
    const best = section(markdown, 'Best sources').split('\n');
    expect(best[2]).toBe('| Bar \\| Grill \\*VIP\\* | 1 h | 1 h | 5.0 | 1 |');
    expect(cells(best[2] ?? '')).toHaveLength(5);
    const worst = section(markdown, 'Worst sources').split('\n');
    expect(worst[2]).toBe('| \\[link\\](javascript:x) | 3 h | 0 h | 1.0 | 1 |');
    expect(cells(worst[2] ?? '')).toHaveLength(5);
  });

  it('escapes the names in suggestions', () => {
    const lines = section(markdown, 'What to change').split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf('**:') + 3))).toEqual([
      '- **Consider dropping Event (kind)**:',
      '- **Consider dropping \\[link\\](javascript:x)**:',
      '- **Do more of Bar \\| Grill \\*VIP\\***:',
    ]);
  });

  it('escapes next steps and titles and keeps each on its line', () => {
    expect(section(markdown, 'Next steps').split('\n').slice(4)).toEqual([
      '- [ ] \\*\\*Call\\*\\* Ana \\[now\\](x) \\| then \\`rm -rf\\` (no due date) — from “Drinks_after_work”',
    ]);
  });

  it('counts zero-minute interactions in the headline', () => {
    expect(section(markdown, 'Headline').split('\n').at(-1)).toBe(
      'Unrated: 0 h in 1 interaction. 1 interaction of zero minutes (counted, no time).',
    );
  });

  it('quotes last month’s plan line by line', () => {
    expect(sections(markdown)[0]).toBe(
      [
        '# Relevance report: November 2026',
        '',
        '**Last month I planned to change:**',
        '',
        '> Less \\| more\\',
        '> of it',
      ].join('\n'),
    );
  });

  it('quotes the note line by line with no markup taking effect, line breaks kept', () => {
    expect(section(markdown, "What I'll change next month")).toBe(
      [
        '> \\# heading\\',
        '> Tom \\&amp; Jerry \\<b>bold\\</b> \\~\\~gone\\~\\~ \\_under\\_',
        '> ',
        '> 1\\. not a list\\',
        '> \\> not a quote\\',
        '> Plan\\',
        '> \\===\\',
        '> not code\\',
        '> last line \\\\',
        '',
      ].join('\n'),
    );
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['Café Comercial, Madrid', 'Café Comercial, Madrid'],
    ['Bar | Grill *VIP*', 'Bar \\| Grill \\*VIP\\*'],
    ['[link](javascript:x)', '\\[link\\](javascript:x)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    ['a\\|b', 'a\\\\\\|b'],
    ['R&D &copy;', 'R&D \\&copy;'],
    ['thank-you (kind) 3.5 h', 'thank-you (kind) 3.5 h'],
    ['one\ntwo\r\nthree\rfour', 'one two three four'],
    ['', ''],
  ])('writes %j as %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('leaves no pipe a table would split on', () => {
    const text = '| a || b \\| c \\\\| d |';
    expect(cells(`| ${escapeMarkdown(text)} |`)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../../shared/domain';
import { csvField, interactionsCsv } from '../../../../shared/report/csv';
import { anUnratedMessage } from '../../../fixtures/interactions';
import { stored } from '../../../fixtures/reportJournal';

/**
 * A strict RFC 4180 reader: records end in CRLF (the last one too), a field is either bare
 * (no quote, comma, CR or LF) or quoted with quotes doubled. Anything else throws, so a
 * file it reads is one a spreadsheet reads the same way.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  const fail = (why: string) => new Error(`Not RFC 4180 at ${at}: ${why}`);
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw fail('a quoted field never ends');
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const end = /[,\r\n"]|$/.exec(text.slice(at));
      const length = end?.index ?? text.length - at;
      field = text.slice(at, at + length);
      at += length;
      if (text[at] === '"') throw fail('a quote inside a bare field');
    }
    record.push(field);
    if (text[at] === ',') {
      at++;
    } else if (text.startsWith('\r\n', at)) {
      at += 2;
      records.push(record);
      record = [];
    } else {
      throw fail(`expected a comma or CRLF, found ${JSON.stringify(text[at] ?? 'the end')}`);
    }
  }
  if (record.length > 0) throw fail('the last record has no CRLF');
  return records;
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

/** The rows of the CSV of `interactions`, read back, without the header. */
function rowsOf(interactions: readonly Interaction[], timeZoneFallback?: string): string[][] {
  const records = parseCsv(
    interactionsCsv(interactions, timeZoneFallback === undefined ? {} : { timeZoneFallback }),
  );
  expect(records[0]).toEqual(HEADER);
  return records.slice(1);
}

/** One row as a record keyed by the header's names. */
function rowOf(interaction: Interaction, timeZoneFallback?: string): Record<string, string> {
  const [row = []] = rowsOf([interaction], timeZoneFallback);
  return Object.fromEntries(HEADER.map((name, index) => [name, row[index] ?? '']));
}

describe('interactionsCsv', () => {
  it('writes a header and nothing else for an empty journal, with CRLF line ends', () => {
    expect(interactionsCsv([])).toBe(`${HEADER.join(',')}\r\n`);
  });

  it('writes every column of an interaction', () => {
    const coffee = stored({}, 'She knows the plant in Toledo.');
    expect(rowOf(coffee)).toEqual({
      Date: '2026-11-12',
      'Start time': '09:30',
      'Time zone': 'Europe/Madrid',
      Minutes: '45',
      Hours: '0.75',
      Kind: 'Coffee',
      Title: 'Coffee with Ana Lopez',
      'Organiser or place': 'Café Comercial, Madrid',
      People: 'Ana Lopez',
      Relevance: '4',
      Band: 'High',
      'What I wanted': 'Learn how Acme Foods hires plant managers',
      'What I got': 'She offered to introduce me to their head of operations',
      'Next step': 'Send Ana my CV and a short note by Friday',
      'Next step due': '2026-11-13',
      'Next step done': '',
      Reflection: 'She knows the plant in Toledo.',
    });
  });

  it('quotes fields with commas, quotes and line breaks, and keeps accents', () => {
    const csv = interactionsCsv([
      stored(
        {
          title: 'The "hidden" job market, explained',
          place: 'Café Zoë',
          people: ['José Núñez', 'Dana Weiß'],
          nextStepDone: '2026-11-14',
        },
        'First line\nsecond line\r\nthird, with a "quote"',
      ),
    ]);
    expect(csv).toContain(
      ',"The ""hidden"" job market, explained",Café Zoë,José Núñez; Dana Weiß,',
    );
    expect(csv).toContain(',"First line\nsecond line\r\nthird, with a ""quote"""\r\n');
    const [row] = parseCsv(csv).slice(1);
    expect(row?.[6]).toBe('The "hidden" job market, explained');
    expect(row?.[15]).toBe('2026-11-14');
    expect(row?.[16]).toBe('First line\nsecond line\r\nthird, with a "quote"');
  });

  it('writes an unrated, zero-minute interaction with an empty rating and band Unrated', () => {
    const row = rowOf(stored(anUnratedMessage()));
    expect(row).toMatchObject({
      Minutes: '0',
      Hours: '0.00',
      Kind: 'Message',
      Relevance: '',
      Band: 'Unrated',
      'What I wanted': '',
      'Next step': '',
    });
  });

  it('writes hours with two decimals and a point', () => {
    const hours = [50, 125, 180, 1].map((durationMinutes) => rowOf(stored({ durationMinutes })));
    expect(hours.map((row) => row.Hours)).toEqual(['0.83', '2.08', '3.00', '0.02']);
  });

  it('names the band of every rating', () => {
    const bands = [1, 2, 3, 4, 5].map(
      (relevance) => rowOf(stored({ relevance: relevance as 1 | 2 | 3 | 4 | 5 })).Band,
    );
    expect(bands).toEqual(['Low', 'Low', 'Medium', 'High', 'High']);
  });

  it('places each interaction on its own local day and time, in two time zones', () => {
    const instant = '2026-11-20T23:30:00.000Z';
    const [newYork, tokyo] = rowsOf([
      stored({ startedAt: instant, timeZone: 'America/New_York' }),
      stored({ startedAt: instant, timeZone: 'Asia/Tokyo' }),
    ]);
    expect(newYork?.slice(0, 3)).toEqual(['2026-11-20', '18:30', 'America/New_York']);
    expect(tokyo?.slice(0, 3)).toEqual(['2026-11-21', '08:30', 'Asia/Tokyo']);
  });

  it('follows summer time and writes midnight as 00:00', () => {
    expect(rowOf(stored({ startedAt: '2026-07-01T08:30:00.000Z' }))['Start time']).toBe('10:30');
    const midnight = rowOf(stored({ startedAt: '2026-11-12T23:00:00.000Z' }));
    expect([midnight.Date, midnight['Start time']]).toEqual(['2026-11-13', '00:00']);
  });

  it('orders rows oldest first by instant, not by local clock time', () => {
    const rows = rowsOf([
      stored({ title: 'Third', startedAt: '2026-11-21T12:00:00.000Z' }),
      stored({
        title: 'Second',
        startedAt: '2026-11-20T23:30:00.000Z',
        timeZone: 'America/New_York',
      }),
      stored({ title: 'First', startedAt: '2026-11-20T22:00:00.000Z', timeZone: 'Asia/Tokyo' }),
    ]);
    expect(rows.map((row) => row[6])).toEqual(['First', 'Second', 'Third']);
  });

  it('uses the fallback zone, or UTC, for a zone that does not exist', () => {
    const lost = stored({ startedAt: '2026-11-12T08:30:00.000Z', timeZone: 'Mars/Olympus_Mons' });
    expect(rowOf(lost, 'Europe/Madrid')).toMatchObject({
      'Start time': '09:30',
      'Time zone': 'Europe/Madrid',
    });
    expect(rowOf(lost)).toMatchObject({ 'Start time': '08:30', 'Time zone': 'UTC' });
    expect(rowOf(lost, 'Not/A_Zone')).toMatchObject({ 'Time zone': 'UTC' });
  });

  it('turns formula-looking fields into text with a leading apostrophe', () => {
    const row = rowOf(
      stored({
        title: '=HYPERLINK("https://evil.example","Click")',
        place: '+34 600 000 000',
        people: ['-Ana', 'Ben'],
        intent: '@channel',
        outcome: '\tTabbed',
        nextStep: '\rReturned',
      }),
    );
    expect(row).toMatchObject({
      Title: `'=HYPERLINK("https://evil.example","Click")`,
      'Organiser or place': "'+34 600 000 000",
      People: "'-Ana; Ben",
      'What I wanted': "'@channel",
      'What I got': "'\tTabbed",
      'Next step': "'\rReturned",
    });
  });

  it('reads back exactly through an RFC 4180 reader, whatever the text', () => {
    const awkward = [
      '',
      ' ',
      ',',
      '"',
      '""',
      'a\nb',
      'a\r\nb',
      'trailing\r',
      'x,"y",z',
      'ünïcødé ✓ 日本語',
    ];
    const interactions = awkward.map((text, index) =>
      stored(
        {
          startedAt: `2026-11-${String(index + 1).padStart(2, '0')}T12:00:00.000Z`,
          title: text,
          place: text,
          people: [text, text],
        },
        text,
      ),
    );
    const rows = rowsOf(interactions);
    expect(rows).toHaveLength(awkward.length);
    for (const [index, row] of rows.entries()) {
      expect(row).toHaveLength(HEADER.length);
      const text = awkward[index] ?? '';
      expect([row[6], row[7], row[8], row[16]]).toEqual([text, text, `${text}; ${text}`, text]);
    }
  });
});

describe('the RFC 4180 reader of these tests', () => {
  it.each([
    ['a bare line feed', 'a\nb\r\n'],
    ['a quote in a bare field', 'a"b\r\n'],
    ['an unclosed quote', '"a\r\n'],
    ['text after a closing quote', '"a"b\r\n'],
    ['no CRLF at the end', 'a,b'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseCsv(text)).toThrow(/Not RFC 4180/);
  });

  it('reads empty fields, quoted separators and doubled quotes', () => {
    expect(parseCsv(',"a,b","say ""hi"""\r\n\r\n')).toEqual([['', 'a,b', 'say "hi"'], ['']]);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=1+1', "'=1+1"],
    ['=A1,B1', `"'=A1,B1"`],
    ['1+1=2', '1+1=2'],
    ["'already text", "'already text"],
  ])('writes %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});

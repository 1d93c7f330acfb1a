// The report's Markdown read back by a CommonMark parser with GitHub's extensions (micromark,
// as GitHub, Obsidian and most editors read it): text a person wrote comes out as the same
// text, with no markup taking effect, and with no backslash where none is needed.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, monthReportMarkdown } from '../../../../shared/report';
import { octoberJournal, reportOf, stored } from '../../../fixtures/reportJournal';
import { seededRandom } from '../../../fixtures/random';

const parse = (markdown: string): Root =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/**
 * The types of every node under `node`. A web address in the text becomes a link to itself
 * (GitHub's autolinks), which shows the same text: it counts as text.
 */
function typesIn(node: Nodes): string[] {
  if (node.type === 'link' && /^(?:https?:\/\/|mailto:)?/.test(node.url)) {
    const shown = toString(node);
    if (node.url === shown || node.url === `http://${shown}` || node.url === `mailto:${shown}`) {
      return ['text'];
    }
  }
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  return [node.type, ...children.flatMap(typesIn)];
}

/** Where the report puts a person's text, each with the node that should hold it as plain text. */
const CONTEXTS: readonly {
  readonly name: string;
  readonly write: (escaped: string) => string;
  readonly read: (root: Root) => Nodes | undefined;
  /** Node types the context itself makes around the text. */
  readonly own: readonly string[];
}[] = [
  {
    name: 'a paragraph',
    write: (text) => text,
    read: (root) => root.children[0],
    own: ['paragraph'],
  },
  {
    name: 'a list item',
    write: (text) => `- ${text}`,
    read: (root) => root.children[0],
    own: ['list', 'listItem', 'paragraph'],
  },
  {
    name: 'a task',
    write: (text) => `- [ ] ${text} (no due date)`,
    read: (root) => root.children[0],
    own: ['list', 'listItem', 'paragraph'],
  },
  {
    name: 'bold at a list item’s start',
    write: (text) => `- **${text}**: evidence`,
    read: (root) => root.children[0],
    own: ['list', 'listItem', 'paragraph', 'strong'],
  },
  {
    name: 'a table cell',
    write: (text) => `| Source | Hours |\n| --- | ---: |\n| ${text} | 1 h |`,
    read: (root) => {
      const table = root.children[0];
      return table?.type === 'table' ? table.children[1]?.children[0] : undefined;
    },
    own: ['tableCell'],
  },
];

/** What the text should read as in each context: the parser trims the ends of a block's text. */
const expectedText = (text: string, context: (typeof CONTEXTS)[number]) => {
  const trimmed = text.trim();
  if (context.name === 'a task') return `${trimmed} (no due date)`;
  if (context.name === 'bold at a list item’s start') return `${trimmed}: evidence`;
  return trimmed;
};

function expectPlain(text: string) {
  for (const context of CONTEXTS) {
    const markdown = context.write(escapeMarkdown(text));
    const node = context.read(parse(markdown));
    const where = `${context.name}: ${JSON.stringify(markdown)}`;
    expect(node, where).toBeDefined();
    if (!node) continue;
    const types = new Set(typesIn(node));
    for (const own of context.own) types.delete(own);
    types.delete('text');
    expect([...types], where).toEqual([]);
    expect(toString(node), where).toBe(expectedText(text, context));
  }
}

describe('escapeMarkdown read back by a Markdown parser', () => {
  it.each([
    'Bar | Grill *VIP*',
    '[link](javascript:x)',
    '![image](x.png)',
    '<img src=x onerror=alert(1)>',
    '<https://example.com>',
    'Tom &amp; Jerry &#38; &copy;',
    '**Call** Ana [now](x) | then `rm -rf`',
    '_under_ and __strong__ and ~~gone~~ and ~one~',
    '# heading',
    '### heading ###',
    '> not a quote',
    '- not a list',
    '+ not a list',
    '* not a list',
    '1. not a list',
    '12) not a list',
    '---',
    '- - -',
    '***',
    '___',
    '===',
    '    not code',
    'last line \\',
    'a\\|b \\*c\\*',
    '`code`',
    '``double``',
    'the deck: https://example.com/_drafts/deck_v2-final?x=1&y=2 (new)',
    'www.acme.io/jobs_board is where | the roles are',
  ])('keeps %j as plain text wherever it stands', (text) => {
    expectPlain(text);
  });

  it('writes ordinary prose as it is, with no backslash', () => {
    const prose = [
      'Thank-you note (kind) to Ana',
      'R&D lunch at 12:30 — 3.5 h, 1.5x the usual!',
      'Drinks_after_work with the e-mail team; “great” chat?',
      'Sam’s intro: $40 ticket + 2 drinks = worth it',
      'Ask for the deck {v2} by Friday.',
      'a < b and c > d, 100% sure',
      '2026 was a good year. 3 coffees',
      'Follow up in 2-3 weeks (after the offsite)',
    ];
    for (const text of prose) expect(escapeMarkdown(text)).toBe(text);
  });

  it('keeps random text of words and Markdown’s punctuation as plain text (500 lines)', () => {
    const random = seededRandom(20261207);
    const pieces = [
      ...'\\`*_{}[]()#+-.!|<>~=&:;\'"/?@%$^'.split(''),
      'a',
      'word',
      'Ana',
      '12',
      '3.',
      '1)',
      ' ',
      '  ',
      '&amp;',
      '<b>',
      '</i>',
      // A web address stands between spaces in prose; its characters are its own.
      ' https://x.y/a_b-c?d=1 ',
      '---',
      '===',
      '**',
      '__',
      '~~',
      '](',
      '![',
      'é',
      'snake_case',
    ];
    for (let line = 0; line < 500; line++) {
      const length = 1 + random.int(12);
      let text = '';
      for (let i = 0; i < length; i++) text += random.pick(pieces);
      // Leading spaces before a block mark are handled; the ends are trimmed by the parser.
      expectPlain(text.trim() === '' ? 'x' : text);
    }
  });
});

describe('the month report read back by a Markdown parser', () => {
  it('reads as the same headings and figures, with names and notes as written', () => {
    const list = [
      ...octoberJournal().list,
      stored({
        startedAt: '2026-10-20T18:00:00.000Z',
        timeZone: 'UTC',
        title: 'Thank-you drinks (after the R&D demo)',
        place: 'Bar | Grill *VIP*',
        relevance: 2,
        durationMinutes: 120,
        kind: 'event',
        nextStep: 'Send the follow-up (with the deck)',
        nextStepDue: '2026-10-28',
      }),
    ];
    const markdown = monthReportMarkdown(
      reportOf(list, '2026-10', {
        notes: { '2026-10': 'Fewer expos.\n1. More coffees\n- and calls' },
      }),
    );
    expect(markdown).toContain('Thank-you drinks (after the R&D demo)');
    expect(markdown).toContain('Send the follow-up (with the deck)');
    const root = parse(markdown);
    const headings = root.children
      .filter((node) => node.type === 'heading')
      .map((heading) => toString(heading));
    expect(headings[0]).toBe('Relevance report: October 2026');
    const text = toString(root);
    expect(text).toContain('Bar | Grill *VIP*');
    expect(text).toContain('Fewer expos.1. More coffees- and calls');
    // The note is one quote, not a list inside it.
    const quote = root.children.at(-1);
    expect(quote?.type).toBe('blockquote');
    expect(typesIn(quote as Nodes)).not.toContain('list');
  });
});

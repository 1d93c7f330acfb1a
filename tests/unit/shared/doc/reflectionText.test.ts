import { getSchema, getTextSerializersFromSchema, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reflectionText } from '../../../../shared/doc';
import { writeReflectionParagraphs } from '../../../../shared/doc/reflectionText';

/** A fresh fragment inside a document (shared types must live in a Y.Doc to be read). */
function aFragment(): Y.XmlFragment {
  return new Y.Doc().getXmlFragment('reflection');
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

const paragraph = (...children: (Y.XmlElement | Y.XmlText)[]) => element('paragraph', children);
const text = (value: string) => new Y.XmlText(value);
const listItem = (...children: Y.XmlElement[]) => element('listItem', children);

describe('reflectionText over the Yjs layout the editor writes', () => {
  it('joins paragraphs with newlines; an empty paragraph is an empty line', () => {
    const fragment = aFragment();
    fragment.insert(0, [
      paragraph(text('Prepared questions made all the difference.')),
      paragraph(),
      paragraph(text('She needs someone who has scaled a line.')),
    ]);
    expect(reflectionText(fragment)).toBe(
      'Prepared questions made all the difference.\n\nShe needs someone who has scaled a line.',
    );
  });

  it('is empty for an empty reflection', () => {
    expect(reflectionText(aFragment())).toBe('');
  });

  it('does not leak marks as markup (bold, italic, links are XmlText format attributes)', () => {
    const fragment = aFragment();
    const line = text('');
    fragment.insert(0, [paragraph(line)]);
    line.insert(0, 'Ask about ');
    line.insert(10, 'the night shift', { bold: {} });
    line.insert(25, ' and ');
    line.insert(30, 'pay', { italic: {}, bold: {} });
    line.insert(33, ' (see site)', { link: { href: 'https://example.com' } });
    line.format(0, 3, { strike: {} });

    expect(line.toString()).toContain('<bold>'); // what a naive reader would leak
    expect(reflectionText(fragment)).toBe('Ask about the night shift and pay (see site)');
  });

  it('reads a heading as a line of its own, without its level', () => {
    const fragment = aFragment();
    fragment.insert(0, [
      element('heading', [text('Follow-ups')], { level: 2 }),
      paragraph(text('Email Tom.')),
    ]);
    expect(reflectionText(fragment)).toBe('Follow-ups\nEmail Tom.');
  });

  it('flattens nested lists (bulletList > listItem > paragraph) to one line per item, in order', () => {
    const fragment = aFragment();
    fragment.insert(0, [
      paragraph(text('Next time:')),
      element('bulletList', [
        listItem(paragraph(text('research the attendee list'))),
        listItem(
          paragraph(text('plan five conversations')),
          element('orderedList', [
            listItem(paragraph(text('Maya Chen'))),
            listItem(paragraph(text('Dan Brooks')), paragraph(text('(recruiter)'))),
          ]),
        ),
        listItem(paragraph()),
      ]),
      element('blockquote', [paragraph(text('Pick events by who attends.'))]),
    ]);
    expect(reflectionText(fragment)).toBe(
      [
        'Next time:',
        'research the attendee list',
        'plan five conversations',
        'Maya Chen',
        'Dan Brooks',
        '(recruiter)',
        '',
        'Pick events by who attends.',
      ].join('\n'),
    );
  });

  it('a line break inside a paragraph (Shift+Enter) is one newline, not an extra empty line', () => {
    const fragment = aFragment();
    fragment.insert(0, [
      paragraph(text('Tom Alvarez'), element('hardBreak', []), text('+1 555 0100')),
      paragraph(element('hardBreak', [])),
      paragraph(text('End.')),
    ]);
    expect(reflectionText(fragment)).toBe('Tom Alvarez\n+1 555 0100\n\n\nEnd.');
  });

  it('keeps the text of an unknown inline node’s neighbours on one line', () => {
    const fragment = aFragment();
    fragment.insert(0, [
      paragraph(text('Met '), element('mention', [], { id: 'maya' }), text(' at the summit')),
    ]);
    expect(reflectionText(fragment)).toBe('Met  at the summit');
  });
});

describe('reflectionText agrees with the plain text of the real editor schema', () => {
  const schema = getSchema([StarterKit]);
  const serializers = getTextSerializersFromSchema(schema);

  const t = (value: string, marks: string[] = []): JSONContent => ({
    type: 'text',
    text: value,
    ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
  });
  const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
  const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });

  const documents: [string, JSONContent[]][] = [
    ['paragraphs', [p(t('One.')), p(t('Two.'))]],
    ['marks', [p(t('plain '), t('bold', ['bold']), t(' and '), t('both', ['bold', 'italic']))]],
    ['a heading', [{ type: 'heading', attrs: { level: 1 }, content: [t('Summit')] }, p(t('x'))]],
    ['a hard break', [p(t('line one'), { type: 'hardBreak' }, t('line two'))]],
    ['empty paragraphs', [p(), p(t('after two empty')), p()]],
    [
      'nested lists',
      [
        {
          type: 'bulletList',
          content: [
            li(p(t('a')), { type: 'orderedList', content: [li(p(t('a.1'))), li(p(t('a.2')))] }),
            li(p(t('b'))),
          ],
        },
      ],
    ],
    ['a blockquote', [{ type: 'blockquote', content: [p(t('quoted')), p(t('twice'))] }]],
    ['a code block', [{ type: 'codeBlock', content: [t('line 1\nline 2')] }, p(t('after'))]],
  ];

  it.each(documents)('%s', (_label, content) => {
    const fragment = aFragment();
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, fragment);
    const root = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    // ProseMirror's plain text: one separator per textblock; leaf nodes through Tiptap's
    // text serializers (hardBreak renders as a newline).
    const expected = root.textBetween(0, root.content.size, '\n', (node) => {
      const serialize = serializers[node.type.name];
      const range = { from: 0, to: 0 };
      return serialize ? serialize({ node, pos: 0, parent: root, index: 0, range }) : '';
    });
    expect(reflectionText(fragment)).toBe(expected);
  });
});

describe('writeReflectionParagraphs', () => {
  it('writes plain paragraphs that read back line by line', () => {
    const fragment = aFragment();
    writeReflectionParagraphs(fragment, ['First.', '', 'Third.']);
    expect(reflectionText(fragment)).toBe('First.\n\nThird.');
    expect(fragment.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('replaces what was there', () => {
    const fragment = aFragment();
    writeReflectionParagraphs(fragment, ['Old one.', 'Old two.']);
    writeReflectionParagraphs(fragment, ['New.']);
    expect(reflectionText(fragment)).toBe('New.');
  });
});

import * as Y from 'yjs';

/** Plain text of a rich-text reflection: one line per block, without markup. */
export function reflectionText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  for (const child of fragment.toArray()) collectBlock(child, lines);
  return lines.join('\n');
}

/** Inline leaf nodes that stand for text (Tiptap renders a hard break, Shift+Enter, as a newline). */
const INLINE_TEXT: Readonly<Record<string, string>> = { hardBreak: '\n' };

/**
 * A textblock (paragraph, heading, code block) holds text, with inline nodes such as hardBreak
 * between the runs of text: it is one line. A container (list, list item, blockquote) holds
 * blocks: each of them is read in turn. An empty element is an empty line.
 */
function isTextblock(children: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): boolean {
  return (
    children.length === 0 ||
    children.some(
      (child) =>
        child instanceof Y.XmlText ||
        (child instanceof Y.XmlElement && child.nodeName in INLINE_TEXT),
    )
  );
}

function collectBlock(node: Y.XmlElement | Y.XmlText | Y.XmlHook, lines: string[]): void {
  if (node instanceof Y.XmlText) {
    lines.push(textOf(node));
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  const children = node.toArray();
  if (isTextblock(children)) {
    lines.push(children.map(inlineText).join(''));
  } else {
    for (const child of children) collectBlock(child, lines);
  }
}

/** The text of one inline node: text runs without their marks; unknown inline nodes are empty. */
function inlineText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return textOf(node);
  if (node instanceof Y.XmlElement) return INLINE_TEXT[node.nodeName] ?? '';
  return '';
}

function textOf(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) {
    if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
}

/** Replaces a reflection with plain paragraphs (used for sample data and imports). */
export function writeReflectionParagraphs(fragment: Y.XmlFragment, paragraphs: readonly string[]) {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(
    0,
    paragraphs.map((line) => {
      const paragraph = new Y.XmlElement('paragraph');
      if (line.length > 0) paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    }),
  );
}

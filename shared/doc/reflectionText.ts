import * as Y from 'yjs';

/** Plain text of a rich-text reflection: one line per block, without markup. */
export function reflectionText(fragment: Y.XmlFragment): string {
  const blocks: string[] = [];
  for (const child of fragment.toArray()) collectBlock(child, blocks);
  return blocks.join('\n');
}

function collectBlock(node: Y.XmlElement | Y.XmlText | Y.XmlHook, blocks: string[]): void {
  if (node instanceof Y.XmlText) {
    blocks.push(textOf(node));
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  const children = node.toArray();
  // A block whose children are all text (paragraph, heading) is one line; containers recurse.
  if (children.every((child) => child instanceof Y.XmlText)) {
    blocks.push(children.map((child) => textOf(child as Y.XmlText)).join(''));
  } else {
    for (const child of children) collectBlock(child, blocks);
  }
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

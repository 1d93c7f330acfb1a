import * as Y from 'yjs';
import { JournalDoc, journalParts } from '../../shared/doc';
import { generateEntries } from './generate';
const N = Number(process.argv[2] ?? 20000);
const journal = new JournalDoc();
const rdoc = new Y.Doc();
journal.attachReflections(rdoc);
const entries = generateEntries(N);
let t = performance.now();
journal.ydoc.transact(() => { for (const e of entries) journal.addInteraction(e.fields, { reflection: e.reflection, now: new Date(e.loggedAt) }); });
console.log('build', (performance.now() - t).toFixed(0));
t = performance.now();
for (const item of journal.getSnapshot().interactions) journal.reflectionFragment(item.id);
console.log('seed all', (performance.now() - t).toFixed(0));
const whole = Y.encodeStateAsUpdate(journal.ydoc);
console.log('journal bytes', whole.length, 'reflections bytes', Y.encodeStateAsUpdate(rdoc).length, 'items', Y.decodeUpdate(whole).structs.length, 'r items', Y.decodeUpdate(Y.encodeStateAsUpdate(rdoc)).structs.length);
for (const doc of [journal.ydoc, rdoc]) {
  t = performance.now();
  const parts = [...journalParts(doc)];
  console.log('parts', parts.length, 'encode ms', (performance.now() - t).toFixed(0));
  const copy = new Y.Doc();
  const target = doc === journal.ydoc ? new JournalDoc(copy, { loading: true }) : null;
  const times: number[] = [];
  for (const part of parts) { const s = performance.now(); Y.applyUpdate(copy, part); times.push(performance.now() - s); }
  t = performance.now();
  target?.finishLoading();
  console.log('apply total', times.reduce((a, b) => a + b, 0).toFixed(0), 'max part', Math.max(...times).toFixed(1), 'finish', (performance.now() - t).toFixed(0), target?.getSnapshot().interactions.length);
  t = performance.now(); const c2 = new Y.Doc(); Y.applyUpdate(c2, Y.encodeStateAsUpdate(doc)); console.log('one update apply', (performance.now() - t).toFixed(0));
}

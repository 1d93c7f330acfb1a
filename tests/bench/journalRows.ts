// The journal rows measured in Node: encoded size and load time of the journal document
// against JSON, adding an interaction, and the reflections document's size, load and
// keystroke cost.
import { generateEntries, type GeneratedEntry } from './generate';
import { measureAdd, measureLoad, measureSize, measureSnapshotParts } from './measure';
import {
  measureReflectionKeystroke,
  measureEncode,
  measureReflectionsLoad,
  measureSeededReflections,
} from './reflections';
import { sizeLabel, type SeededJournal } from './seeded';
import { progress } from './stats';
import { formatBytes, formatMs, type Row } from './table';
import { TARGET } from './targets';

const ADDS = 50;
const ADD_WARMUP = 5;
const KEYSTROKES = 50;

/**
 * Size and load rows of the journal document (not the reflections) against JSON of the same
 * records; `first` warms the JIT up with one uncounted run; `withListener` adds the row of
 * applying with an 'update' listener.
 */
export function sizeRows(
  seeded: SeededJournal,
  json: string,
  { first, withListener }: { first: boolean; withListener: boolean },
): Row[] {
  const { count, journal } = seeded;
  const size = sizeLabel(count);
  const bytes = measureSize(journal, json);
  // Small journals load fast and noisily: more runs. The 100k journal takes seconds a run.
  const runs = count <= 2_000 ? 9 : count >= 100_000 ? 3 : 5;
  progress(`${size}: loading ${runs} times (and JSON.parse as often)`);
  const load = measureLoad(journal, json, count, runs, { warmup: first ? 1 : 0, withListener });
  const parse = `JSON.parse ${formatMs(load.parseMs)}`;
  const loadRow = (measure: string, ms: number, target: boolean): Row => ({
    measure,
    size,
    value: formatMs(ms),
    baseline: parse,
    ratio: ms / load.parseMs,
    ...(target
      ? {
          target: `≤ ${TARGET.loadRatio}× JSON.parse (moonshot ${TARGET.loadMoonshotRatio}×)`,
          pass: ms <= TARGET.loadRatio * load.parseMs,
        }
      : {}),
  });
  return [
    {
      measure: 'encoded size: journal document (Yjs update) vs JSON of the same records',
      size,
      value: formatBytes(bytes.encodedBytes),
      baseline: `JSON ${formatBytes(bytes.jsonBytes)}`,
      ratio: bytes.encodedBytes / bytes.jsonBytes,
      target: `≤ ${TARGET.sizeRatio}× JSON`,
      pass: bytes.encodedBytes <= TARGET.sizeRatio * bytes.jsonBytes,
    },
    {
      measure: 'encoded size: reflections document (rich text, written as logged)',
      size,
      value: formatBytes(seeded.reflections.byteLength),
    },
    loadRow(`load: journal document, applyUpdate only (median of ${runs})`, load.applyMs, true),
    loadRow(`load: applyUpdate + JournalDoc snapshot (median of ${runs})`, load.openMs, false),
    ...(load.applyListenedMs === null
      ? []
      : [
          {
            measure: "load: applyUpdate with an 'update' listener, as under y-indexeddb",
            size,
            value: formatMs(load.applyListenedMs),
            baseline: `no listener ${formatMs(load.applyMs)}`,
            ratio: load.applyListenedMs / load.applyMs,
          },
        ]),
  ];
}

/**
 * Adding interactions to the loaded journal, and the reflections' load and keystroke; the
 * same for reflections seeded one by one from their text (built again from `entries`).
 */
export function editRows(seeded: SeededJournal, entries: readonly GeneratedEntry[]): Row[] {
  const size = sizeLabel(seeded.count);
  progress(`${size}: adding ${ADDS} interactions one at a time`);
  const added = generateEntries(ADD_WARMUP + ADDS, 7);
  const add = measureAdd(seeded.journal, seeded.reflections, added, ADD_WARMUP);
  const parts = measureSnapshotParts(seeded.journal, 20);
  progress(`${size}: loading the reflections, typing in one`);
  const reflectionsLoadMs = measureReflectionsLoad(seeded.reflections, 3);
  const keystroke = measureReflectionKeystroke(seeded, KEYSTROKES);
  progress(`${size}: encoding the reflections`);
  const encode = measureEncode(seeded);
  progress(`${size}: the same with every reflection seeded from its text`);
  const seededCase = measureSeededReflections(entries, KEYSTROKES);
  const clients = (count: number) =>
    `${count.toLocaleString('en-US')} client id${count === 1 ? '' : 's'}`;
  return [
    {
      measure: `add one interaction, reflections open (median of ${add.adds})`,
      size,
      value: formatMs(add.medianMs),
      target: `< ${TARGET.addMs} ms`,
      pass: add.medianMs < TARGET.addMs,
    },
    { measure: 'add one interaction (95th percentile)', size, value: formatMs(add.p95Ms) },
    {
      measure: 'snapshot step timed alone: resort() one new item',
      size,
      value: formatMs(parts.resortMs),
    },
    {
      measure: 'write the preview: first page + structured clone (as stored)',
      size,
      value: formatMs(parts.previewMs),
    },
    {
      measure: `load: reflections document, applyUpdate (${clients(keystroke.clients)}) (median of 3)`,
      size,
      value: formatMs(reflectionsLoadMs),
    },
    {
      measure:
        'encode: reflections document, Y.encodeStateAsUpdate (as the sync server sends and stores it)',
      size,
      value: formatMs(encode.reflectionsMs),
      baseline: `the journal document ${formatMs(encode.journalMs)}`,
      ratio: encode.reflectionsMs / encode.journalMs,
    },
    {
      measure: `one keystroke in a reflection: its Yjs transaction (median of ${KEYSTROKES})`,
      size,
      value: formatMs(keystroke.medianMs),
    },
    {
      measure: `reflections seeded one by one from their text (${clients(seededCase.clients)}): encoded size`,
      size,
      value: formatBytes(seededCase.bytes),
      baseline: `written as logged ${formatBytes(seeded.reflections.byteLength)}`,
      ratio: seededCase.bytes / seeded.reflections.byteLength,
    },
    {
      measure: '… their applyUpdate (median of 3)',
      size,
      value: formatMs(seededCase.loadMs),
      baseline: `written as logged ${formatMs(reflectionsLoadMs)}`,
      ratio: seededCase.loadMs / reflectionsLoadMs,
    },
    {
      measure: `… one keystroke's transaction (median of ${KEYSTROKES})`,
      size,
      value: formatMs(seededCase.medianMs),
      baseline: `written as logged ${formatMs(keystroke.medianMs)}`,
      ratio: seededCase.medianMs / keystroke.medianMs,
    },
  ];
}

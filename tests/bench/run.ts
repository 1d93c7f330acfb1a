// `npm run bench`: seeds journals of 2k, 20k and 100k interactions and prints one table of
// size, load time, time to add an interaction, time to a usable journal in Chromium, and the
// time analytics take, then the sync rows (a sync server on loopback, see sync.ts). Options:
// --sizes=2000,20000 (journal sizes to seed), --no-browser (skip Chromium), --only=<part>
// (one part's rows, see PARTS).
import { cpus, loadavg } from 'node:os';
import { findChromium } from '../chromium';
import { measureAnalytics, snapshotList, type AnalyticsResult } from './analytics';
import { measureBrowser, type BrowserResult } from './browser';
import { CONTACTS, measureGoals } from './goals';
import { measureContacts } from './contacts';
import { generateEntries, type GeneratedEntry } from './generate';
import { buildJournal, dropJournal } from './journal';
import { measureAdd, measureLoad, measureSize, measureSnapshotParts, toJson } from './measure';
import { canCollectGarbage, progress } from './stats';
import { measureSync } from './sync';
import { formatBytes, formatMs, formatTable, type Row } from './table';

/** The journal that the add and Chromium measurements use. */
const MAIN_SIZE = 20_000;
const ADDS = 50;
const ADD_WARMUP = 5;
const NAVIGATIONS = 5;

const TARGET = {
  sizeRatio: 1.5,
  loadRatio: 5,
  addMs: 16,
  usableMs: 1000,
  monthReportMs: 20,
  suggestionMs: 10,
  insightsMs: 100,
  analyticsFloorRatio: 3,
};

function label(count: number): string {
  return count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count);
}

/** The parts `--only=<part>` runs on their own, with what their rows are. */
const PARTS = {
  analytics: 'the analytics rows: no Yjs journal is built',
  sync: 'the sync rows',
  goals: 'the goals rows: relevance suggestion per keystroke, hours per goal',
  contacts: "the contacts rows: introduction suggestions and a contact's figures",
  browser: 'the Chromium rows, on the 20k journal',
} as const;
type Part = keyof typeof PARTS;
const isPart = (value: string): value is Part => Object.hasOwn(PARTS, value);

function parseArgs(argv: readonly string[]) {
  let sizes = [2_000, MAIN_SIZE, 100_000];
  let browser = true;
  let only: Part | null = null;
  for (const arg of argv) {
    const part = arg.startsWith('--only=') ? arg.slice('--only='.length) : null;
    if (arg === '--no-browser') browser = false;
    else if (part !== null && isPart(part)) only = part;
    else if (arg.startsWith('--sizes=')) {
      sizes = arg
        .slice('--sizes='.length)
        .split(',')
        .map((value) => Number(value.trim().replace(/k$/i, '000')));
      if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
        throw new Error(`--sizes needs whole numbers, e.g. --sizes=2000,20k (got "${arg}")`);
      }
    } else {
      const parts = Object.keys(PARTS).map((name) => `--only=${name}`);
      throw new Error(
        `Unknown option "${arg}". Use --sizes=2000,20000, --no-browser or one of ${parts.join(', ')}.`,
      );
    }
  }
  return { sizes, browser, only };
}

interface Seeded {
  readonly update: Uint8Array;
  readonly json: string;
}

/** Builds a journal of the entries; only its encoded form and its JSON stay in memory. */
function seed(entries: readonly GeneratedEntry[]): Seeded {
  progress(`${label(entries.length)}: building the journal`);
  const { journal, records } = buildJournal(entries);
  const update = journal.encode();
  dropJournal(journal);
  return { update, json: toJson(records) };
}

/** Size and load rows; `first` warms the JIT up with one uncounted run. */
function nodeRows(count: number, { update, json }: Seeded, first: boolean): Row[] {
  const size = label(count);
  const bytes = measureSize(update, json);
  // Small journals load fast and noisily: more runs. The 100k journal takes ~15 s a run here.
  const runs = count <= 2_000 ? 9 : count >= 100_000 ? 3 : 5;
  progress(`${size}: loading ${runs} times (and JSON.parse as often)`);
  const load = measureLoad(update, json, count, runs, {
    warmup: first ? 1 : 0,
    withListener: count === MAIN_SIZE,
  });
  const parse = `JSON.parse ${formatMs(load.parseMs)}`;
  const loadRow = (measure: string, ms: number): Row => ({
    measure,
    size,
    value: formatMs(ms),
    baseline: parse,
    ratio: ms / load.parseMs,
    target: `≤ ${TARGET.loadRatio}× JSON.parse`,
    pass: ms <= TARGET.loadRatio * load.parseMs,
  });
  return [
    {
      measure: 'encoded size (Yjs update vs JSON)',
      size,
      value: formatBytes(bytes.encodedBytes),
      baseline: `JSON ${formatBytes(bytes.jsonBytes)}`,
      ratio: bytes.encodedBytes / bytes.jsonBytes,
      target: `≤ ${TARGET.sizeRatio}× JSON`,
      pass: bytes.encodedBytes <= TARGET.sizeRatio * bytes.jsonBytes,
    },
    loadRow(`load: applyUpdate only (median of ${runs})`, load.applyMs),
    loadRow(`load: applyUpdate + JournalDoc snapshot (median of ${runs})`, load.openMs),
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

function addRows(update: Uint8Array): Row[] {
  const size = label(MAIN_SIZE);
  progress(`${size}: adding ${ADDS} interactions one at a time`);
  const entries = generateEntries(ADD_WARMUP + ADDS, 7);
  const add = measureAdd(update, entries, ADD_WARMUP);
  const parts = measureSnapshotParts(update, 20);
  return [
    {
      measure: `add one interaction (median of ${add.adds})`,
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
  ];
}

function analyticsRows(count: number, entries: readonly GeneratedEntry[]): Row[] {
  const size = label(count);
  const runs = count >= 100_000 ? 7 : 9;
  progress(`${size}: analytics, ${runs} runs of each`);
  const result: AnalyticsResult = measureAnalytics(snapshotList(entries), runs);
  const floor = `floor ${formatMs(result.floorMs)}`;
  const ratio = TARGET.analyticsFloorRatio;
  /** A row against the floor; warm rows must also beat `targetMs`, cold ones only the ratio. */
  const row = (measure: string, ms: number, targetMs?: number | 'ratio'): Row => ({
    measure,
    size,
    value: formatMs(ms),
    baseline: floor,
    ratio: ms / result.floorMs,
    ...(targetMs === undefined
      ? {}
      : targetMs === 'ratio'
        ? { target: `≤ ${ratio}× floor`, pass: ms <= ratio * result.floorMs }
        : {
            target: `< ${targetMs} ms, ≤ ${ratio}× floor`,
            pass: ms < targetMs && ms <= ratio * result.floorMs,
          }),
  });
  const median = `(median of ${runs})`;
  return [
    {
      measure: `analytics floor: one pass, Date.parse + minutes by band ${median}`,
      size,
      value: formatMs(result.floorMs),
    },
    row(`month report, warm ${median}`, result.month.warmMs, TARGET.monthReportMs),
    row(`month report, cold: new objects ${median}`, result.month.coldMs, 'ratio'),
    row('month report, first cold run (zone offsets not cached yet)', result.firstColdMs),
    row(`month report after one edit (new list) ${median}`, result.month.editedMs, 'ratio'),
    row(
      `… the edit noted with the list, as the journal's are (facts patched) ${median}`,
      result.month.notedEditMs,
      'ratio',
    ),
    row(
      `… one interaction logged after all others, noted (row added in place) ${median}`,
      result.month.loggedMs,
      'ratio',
    ),
    row(`12-month insights, warm ${median}`, result.insights.warmMs, TARGET.insightsMs),
    row(`12-month insights, cold: new objects ${median}`, result.insights.coldMs, 'ratio'),
  ];
}

function goalsRows(entries: readonly GeneratedEntry[]): Row[] {
  const size = label(entries.length);
  const result = measureGoals(entries, snapshotList(entries));
  const contacts = `${label(CONTACTS)} contacts`;
  return [
    {
      measure: `relevance suggestion per keystroke, ${contacts} (median of ${result.keystrokes})`,
      size,
      value: formatMs(result.medianMs),
      target: `< ${TARGET.suggestionMs} ms`,
      pass: result.medianMs < TARGET.suggestionMs,
    },
    {
      measure: 'relevance suggestion per keystroke (95th percentile)',
      size,
      value: formatMs(result.p95Ms),
      target: `< ${TARGET.suggestionMs} ms`,
      pass: result.p95Ms < TARGET.suggestionMs,
    },
    {
      measure: 'relevance suggestion per keystroke (slowest)',
      size,
      value: formatMs(result.maxMs),
    },
    {
      measure: `relevance suggestion after goals or contacts changed: indexes built (median of 9)`,
      size,
      value: formatMs(result.rebuildMs),
    },
    {
      measure: 'hours per goal for a month, facts built (median of 9)',
      size,
      value: formatMs(result.monthMs),
    },
  ];
}

function browserRows(result: BrowserResult): Row[] {
  const size = label(MAIN_SIZE);
  const { journal, empty } = result;
  const rows: Row[] = [
    {
      measure: `Chromium: navigation → journal list painted (median of ${journal.runs})`,
      size,
      value: formatMs(journal.medianMs),
      baseline: `empty ${formatMs(empty.medianMs)}`,
      ratio: journal.medianMs / empty.medianMs,
      target: `< ${TARGET.usableMs} ms`,
      pass: journal.medianMs < TARGET.usableMs,
    },
    {
      measure: 'Chromium: same, first navigation (empty HTTP cache, no preview yet)',
      size,
      value: formatMs(journal.coldMs),
    },
    {
      measure: `Chromium: navigation → journal editable ("Log interaction" on) (median of ${journal.runs})`,
      size,
      value: formatMs(journal.editableMs),
    },
    {
      measure: 'Chromium: same, first navigation',
      size,
      value: formatMs(journal.coldEditableMs),
    },
  ];
  if (journal.openingMs !== null) {
    rows.push({
      measure: 'Chromium: … of which: until "Opening your journal" shows',
      size,
      value: formatMs(journal.openingMs),
    });
  }
  const redraw = result.insightsRedraw;
  rows.push(
    {
      measure: `Chromium: insights open, one interaction logged: journal changed → headline figures painted (median of ${redraw.runs})`,
      size,
      value: formatMs(redraw.redrawMedianMs),
      target: `< ${TARGET.addMs} ms`,
      pass: redraw.redrawMedianMs < TARGET.addMs,
    },
    { measure: 'Chromium: same, slowest', size, value: formatMs(redraw.redrawMaxMs) },
    {
      measure: `Chromium: same, from the Enter key in quick-add (save and dialog closing included)`,
      size,
      value: formatMs(redraw.medianMs),
    },
    {
      measure: `Chromium: same, Enter → charts painted too (median of ${redraw.runs})`,
      size,
      value: formatMs(redraw.chartsMedianMs),
    },
  );
  rows.push({
    measure: `Chromium: navigation → empty journal painted (median of ${empty.runs})`,
    size: '0',
    value: formatMs(empty.medianMs),
  });
  return rows;
}

/** The journal, analytics and Chromium rows; returns the 20k journal for the sync rows. */
async function journalRows(
  options: ReturnType<typeof parseArgs>,
  rows: Row[],
  skipped: string[],
): Promise<Uint8Array | undefined> {
  let journal20k: Uint8Array | undefined;
  for (const [index, count] of options.sizes.entries()) {
    progress(`${label(count)}: generating the entries`);
    const entries = generateEntries(count);
    rows.push(...analyticsRows(count, entries));
    if (count === MAIN_SIZE) rows.push(...goalsRows(entries));
    if (options.only === 'analytics') continue;
    const seeded = seed(entries);
    rows.push(...nodeRows(count, seeded, index === 0));
    if (count === MAIN_SIZE) {
      journal20k = seeded.update;
      rows.push(...addRows(journal20k));
    }
  }
  if (!journal20k && options.only !== 'analytics') {
    journal20k = seed(generateEntries(MAIN_SIZE)).update;
    rows.push(...addRows(journal20k));
  }
  const chromium = findChromium();
  if (options.only === 'analytics' || !journal20k) {
    skipped.push(`Only ${PARTS.analytics} (--only=analytics).`);
  } else if (!options.browser) {
    skipped.push('Chromium row skipped (--no-browser).');
  } else if (!chromium) {
    skipped.push(
      'Chromium row skipped: no browser found (set CHROMIUM_PATH, or apt-get install chromium).',
    );
  } else {
    rows.push(...browserRows(await measureBrowser(chromium, journal20k, MAIN_SIZE, NAVIGATIONS)));
  }
  return journal20k;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!canCollectGarbage) progress('note: run with node --expose-gc for steadier numbers');
  const rows: Row[] = [];
  const skipped: string[] = [];
  const main20k = () => {
    progress(`${label(MAIN_SIZE)}: generating the entries`);
    return generateEntries(MAIN_SIZE);
  };
  const parts: Partial<Record<Part, () => Promise<Row[]>>> = {
    goals: () => Promise.resolve(goalsRows(main20k())),
    contacts: () => Promise.resolve(measureContacts()),
    sync: () => measureSync(seed(main20k()).update, label(MAIN_SIZE)),
    browser: async () => {
      const chromium = findChromium();
      if (!chromium) throw new Error('No Chromium found: set CHROMIUM_PATH.');
      const journal = seed(main20k()).update;
      return browserRows(await measureBrowser(chromium, journal, MAIN_SIZE, NAVIGATIONS));
    },
  };
  const only = options.only === null ? undefined : parts[options.only];
  if (only && options.only) {
    rows.push(...(await only()));
    skipped.push(`Only ${PARTS[options.only]} (--only=${options.only}).`);
  } else {
    const journal20k = await journalRows(options, rows, skipped);
    if (journal20k) rows.push(...(await measureSync(journal20k, label(MAIN_SIZE))));
    if (options.only !== 'analytics') rows.push(...measureContacts());
  }
  for (const line of skipped) progress(line);
  progress('done');
  process.stdout.write(`\n${formatTable(rows)}\n`);
  for (const line of skipped) process.stdout.write(`\n${line}\n`);
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
  const today = new Date().toISOString().slice(0, 10);
  process.stdout.write(
    `\nNode ${process.version}, ${today}, ${cpus().length} cores, load average ${load} (1/5/15 min).\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

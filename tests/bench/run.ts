// `npm run bench`: journals of 2k, 20k and 100k interactions (both documents, see journal.ts)
// measured in Node, in Chromium and over sync, in sections that each print their rows as soon
// as they finish (report.ts). Options: --sizes=2000,20k (journal sizes), --no-browser (skip
// everything that needs Chromium), --only=<part>[,<part>…] (see PARTS).
import { findChromium } from '../chromium';
import { analyticsRows, goalsRows } from './analyticsRows';
import { measureBrowser } from './browser';
import { browserRows } from './browserRows';
import { measureContacts } from './contacts';
import { editRows, sizeRows } from './journalRows';
import { measureNewDevice } from './newDevice';
import { measureCapture } from './capture';
import { runSections, type Section } from './report';
import { Journals, sizeLabel } from './seeded';
import { canCollectGarbage, progress } from './stats';
import { measureServerMemory } from './serverMemory';
import { measureScaleOut } from './scaleOut';
import { measureSync } from './sync';

/** The journal that the add, Chromium, new-device and sync rows use. */
const MAIN_SIZE = 20_000;
/** The large journal of the Chromium rows (when it is among --sizes). */
const LARGE_SIZE = 100_000;
/** The journal each of the 50 journals of the sync load test holds. */
const LOAD_TEST_SIZE = 2_000;
/** Timed reloads in Chromium: fewer for the large journal, whose reloads take long. */
const RELOADS = { [MAIN_SIZE]: 5, [LARGE_SIZE]: 3 } as Readonly<Record<number, number>>;

/** The parts `--only=` selects, with what their rows are. */
const PARTS = {
  journal: 'encoded size and load of each journal size; adding an interaction; reflections',
  analytics: 'month report and insights at each size: no Yjs journal is built',
  goals: 'relevance suggestion per keystroke, hours per goal (20k)',
  contacts: "introduction suggestions and a contact's figures",
  browser: 'Chromium: reloads of the 20k and 100k journals among --sizes (else of the 20k one)',
  'new-device': 'Chromium: a new device gets the 20k journal from the sync server',
  capture: 'Chromium: the N shortcut and titles typed straight after it, with the 20k journal open',
  sync: 'the sync server: a new device, offline edits, one field change, under attack, 200 devices',
  'server-memory': "the sync server's memory with one 20k and with 50 × 2k journals open",
  'scale-out': 'two sync server instances on Postgres and Redis: 1,000 devices on 200 × 2k',
} as const;
type Part = keyof typeof PARTS;
const isPart = (value: string): value is Part => Object.hasOwn(PARTS, value);
/** Parts that drive Chromium: skipped with --no-browser or without a Chromium. */
const BROWSER_PARTS: readonly Part[] = ['browser', 'new-device', 'capture'];

interface Options {
  readonly sizes: readonly number[];
  readonly browser: boolean;
  readonly only: ReadonlySet<Part> | null;
}

function parseArgs(argv: readonly string[]): Options {
  let sizes = [2_000, MAIN_SIZE, LARGE_SIZE];
  let browser = true;
  let only: Set<Part> | null = null;
  const fail = (arg: string) => {
    const parts = Object.keys(PARTS).join(', ');
    throw new Error(
      `Unknown option "${arg}". Use --sizes=2000,20000, --no-browser or --only= with one or more of ${parts} (comma-separated).`,
    );
  };
  for (const arg of argv) {
    if (arg === '--no-browser') browser = false;
    else if (arg.startsWith('--only=')) {
      const parts = arg.slice('--only='.length).split(',');
      if (!parts.every(isPart)) fail(arg);
      only = new Set(parts as Part[]);
    } else if (arg.startsWith('--sizes=')) {
      sizes = arg
        .slice('--sizes='.length)
        .split(',')
        .map((value) => Number(value.trim().replace(/k$/i, '000')));
      if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
        throw new Error(`--sizes needs whole numbers, e.g. --sizes=2000,20k (got "${arg}")`);
      }
    } else fail(arg);
  }
  return { sizes, browser, only };
}

/** The sections of a run, in order, and notes on what was left out. */
function plan(options: Options, journals: Journals) {
  const sections: (Section & { part: Part })[] = [];
  const notes: string[] = [];
  const wanted = (part: Part) => options.only === null || options.only.has(part);
  const add = (part: Part, name: string, run: Section['run']) => {
    if (wanted(part)) sections.push({ part, name, run });
  };

  for (const [index, count] of options.sizes.entries()) {
    const size = sizeLabel(count);
    add('analytics', `analytics ${size}`, () => analyticsRows(count, journals.entriesOf(count)));
    if (count === MAIN_SIZE)
      add('goals', `goals ${size}`, () => goalsRows(journals.entriesOf(count)));
    add('journal', `journal ${size}`, () => {
      const seeded = journals.journalOf(count);
      journals.dropEntries(count);
      return sizeRows(seeded, journals.takeJson(count), {
        first: index === 0,
        withListener: count === MAIN_SIZE,
      });
    });
  }
  const main = sizeLabel(MAIN_SIZE);
  add('journal', `add and edit ${main}`, () =>
    editRows(journals.journalOf(MAIN_SIZE), journals.entriesOf(MAIN_SIZE)),
  );

  const chromium = options.browser ? findChromium() : undefined;
  // The Chromium rows are at 20k and 100k: those of --sizes, or else 20k.
  const chosen = options.sizes.filter((size) => size === MAIN_SIZE || size === LARGE_SIZE);
  const browserSizes = chosen.length > 0 ? chosen : [MAIN_SIZE];
  const needsBrowser = BROWSER_PARTS.some(wanted);
  if (needsBrowser && !options.browser) notes.push('Chromium rows skipped (--no-browser).');
  else if (needsBrowser && !chromium) {
    notes.push(
      'Chromium rows skipped: no browser found (set CHROMIUM_PATH, or apt-get install chromium).',
    );
  } else if (chromium) {
    for (const count of browserSizes) {
      add('browser', `browser ${sizeLabel(count)}`, async () =>
        browserRows(
          await measureBrowser(chromium, journals.journalOf(count), {
            runs: RELOADS[count] ?? 3,
            details: count === MAIN_SIZE,
          }),
        ),
      );
    }
    add('new-device', `new device ${main}`, () =>
      measureNewDevice(chromium, journals.journalOf(MAIN_SIZE)),
    );
    add('capture', `capture ${main}`, () =>
      measureCapture(chromium, journals.journalOf(MAIN_SIZE)),
    );
  }
  add('sync', `sync ${main}`, () =>
    measureSync(journals.journalOf(MAIN_SIZE), journals.journalOf(LOAD_TEST_SIZE)),
  );
  add('server-memory', 'sync server memory', () => measureServerMemory());
  add('scale-out', 'sync scale-out', () => measureScaleOut(journals.journalOf(LOAD_TEST_SIZE)));
  add('contacts', 'contacts', () => measureContacts());

  if (options.only) {
    const parts = [...options.only].map((part) => `${part} (${PARTS[part]})`);
    notes.push(`Only ${parts.join('; ')}.`);
  }
  return { sections, notes };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!canCollectGarbage) progress('note: run with node --expose-gc for steadier numbers');
  const { sections, notes } = plan(options, new Journals());
  const { ran } = await runSections(sections, notes);
  progress('done');
  // Missed targets and failed sections are in the table; only a run that measured nothing fails.
  if (ran === 0) process.exitCode = 1;
  // A failed section can leave a client or server connection open, which would keep the
  // process alive for good: everything is printed, so leave after a grace period.
  setTimeout(() => {
    progress('exiting with connections still open (left by a failed section)');
    process.exit();
  }, 10_000).unref();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * `npm run soak`: the long runs of "never lose a word" at full size, then one table of their
 * figures against the targets. Exits non-zero when a test fails or a figure misses.
 *
 * - 10,000 journal changes with device writes failing at random, reopened between;
 * - 1,000 reopenings with changes between (stored size against the encoded journal);
 * - 100 restores with a write failing at any point;
 * - 1,000 sync server kills (SIGKILL) at random moments while a device writes;
 * - 200 kills of either of two server instances on Postgres and Redis while devices on both
 *   write (the test starts its own Postgres cluster and Redis).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SOAK_REPORT_ENV, type SoakFigure } from './figures';

const root = path.resolve(import.meta.dirname, '../..');
const report = path.join(root, 'out', 'soak-figures.jsonl');
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });

const server = path.join(root, 'out', 'sync-server', 'main.js');
if (!existsSync(server)) {
  console.error('Build the sync server first: npm run build:sync-server');
  process.exit(1);
}

const tests = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    'tests/unit/renderer/platform/deviceWrites.test.ts',
    'tests/unit/renderer/platform/reopenSoak.test.ts',
    'tests/unit/renderer/platform/journalSession.test.ts',
    'tests/integration/serverKills.test.ts',
    'tests/integration/scaleOutKills.test.ts',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      RELEVANT_SOAK_OPERATIONS: '10000',
      RELEVANT_SOAK_REOPENS: '1000',
      RELEVANT_SOAK_KILLS: '1000',
      RELEVANT_SOAK_SCALE_OUT_KILLS: '200',
      RELEVANT_REQUIRE_POSTGRES: '1',
      RELEVANT_REQUIRE_REDIS: '1',
      RELEVANT_SYNC_SERVER_BUILD: path.relative(root, server),
      [SOAK_REPORT_ENV]: report,
    },
  },
);

const figures: SoakFigure[] = existsSync(report)
  ? readFileSync(report, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as SoakFigure)
  : [];
console.log('\n| figure | value | target | result |\n| --- | --: | --- | --- |');
for (const { figure, value, target, pass } of figures) {
  console.log(`| ${figure} | ${value} | ${target} | ${pass ? 'pass' : 'MISS'} |`);
}
const missed = figures.filter((figure) => !figure.pass).length;
process.exit(tests.status !== 0 || missed > 0 || figures.length === 0 ? 1 : 0);

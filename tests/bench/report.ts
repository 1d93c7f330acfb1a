// Runs the bench's sections one after the other and prints each one's rows as soon as it has
// them. A section that throws is reported (stderr and a row) and the others go on: a failure
// in the last minute of a twenty-minute run must not lose the rows already measured.
import { cpus, loadavg } from 'node:os';
import { progress } from './stats';
import { formatRow, tableHeader, type Row } from './table';

export interface Section {
  /** What the section measures, as failures and progress name it ("browser 20k"). */
  readonly name: string;
  run(): Row[] | Promise<Row[]>;
}

export interface RunSummary {
  readonly ran: number;
  readonly failed: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `sections` in order, printing rows under one header; notes go after the table. */
export async function runSections(
  sections: readonly Section[],
  notes: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
): Promise<RunSummary> {
  let headed = false;
  const print = (rows: readonly Row[]) => {
    if (!headed) out.write(`${tableHeader()}\n`);
    headed = true;
    for (const row of rows) out.write(`${formatRow(row)}\n`);
  };
  let ran = 0;
  let failed = 0;
  for (const section of sections) {
    progress(`— ${section.name} —`);
    try {
      print(await section.run());
      ran += 1;
    } catch (error) {
      failed += 1;
      const message = messageOf(error);
      process.stderr.write(`FAILED: ${section.name}: ${message}\n`);
      if (error instanceof Error && error.stack) progress(error.stack);
      print([{ measure: `FAILED: ${section.name}: ${message}`, size: '—', value: '—' }]);
    }
  }
  for (const line of notes) progress(line);
  for (const line of notes) out.write(`\n${line}\n`);
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
  const today = new Date().toISOString().slice(0, 10);
  out.write(
    `\nNode ${process.version}, ${today}, ${cpus().length} cores, load average ${load} (1/5/15 min). ${ran} of ${sections.length} sections ran, ${failed} failed.\n`,
  );
  return { ran, failed };
}

// The result table: one row per measurement, printed as Markdown table rows as soon as each
// section of the bench has them (so a long run shows its figures as it goes, and a failure
// late in the run loses nothing). Not aligned: Prettier aligns the table once pasted into
// docs/benchmarks.md.

export interface Row {
  readonly measure: string;
  /** The journal size the row is about, e.g. "20k". */
  readonly size: string;
  readonly value: string;
  readonly baseline?: string;
  /** value / baseline. */
  readonly ratio?: number;
  readonly target?: string;
  /** Whether the target is met; undefined when the row has no target. */
  readonly pass?: boolean;
}

const HEADERS = ['measure', 'size', 'value', 'baseline', 'ratio', 'target', 'result'] as const;

function cells(row: Row): string[] {
  return [
    row.measure,
    row.size,
    row.value,
    row.baseline ?? '—',
    row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`,
    row.target ?? '—',
    row.pass === undefined ? '—' : row.pass ? 'pass' : 'MISS',
  ];
}

/** The header line and the rule under it, printed once before the first row. */
export function tableHeader(): string {
  const right = [false, false, true, true, true, false, false];
  const rule = right.map((alignRight) => (alignRight ? '--:' : '---'));
  return `${line(HEADERS)}\n${line(rule)}`;
}

/** One row as a Markdown table line. */
export function formatRow(row: Row): string {
  return line(cells(row));
}

/** Cells between pipes; a pipe or line break inside a cell would break the table. */
function line(values: readonly string[]): string {
  return `| ${values.map((value) => value.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')).join(' | ')} |`;
}

/** Milliseconds with as many decimals as are meaningful at that scale. */
export function formatMs(ms: number): string {
  const digits = ms < 1 ? 3 : ms < 10 ? 2 : ms < 100 ? 1 : 0;
  return `${ms.toFixed(digits)} ms`;
}

/** Bytes in kB or MB (powers of 1000). */
export function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(2)} MB`;
}

// The result table: one row per measurement, printed as an aligned Markdown table so it
// reads well in a terminal and pastes straight into docs/benchmarks.md.

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

/** The rows as an aligned Markdown table (text columns left, numbers right). */
export function formatTable(rows: readonly Row[]): string {
  const table = [HEADERS.map(String), ...rows.map(cells)];
  const widths = HEADERS.map((_, column) =>
    Math.max(3, ...table.map((line) => (line[column] ?? '').length)),
  );
  const right = [false, false, true, true, true, false, false];
  const line = (values: readonly string[]) =>
    `| ${values
      .map((value, column) => {
        const width = widths[column] ?? 0;
        return right[column] ? value.padStart(width) : value.padEnd(width);
      })
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, column) => (right[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
    .join(' | ')} |`;
  const [header = [], ...body] = table;
  return [line(header), rule, ...body.map(line)].join('\n');
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

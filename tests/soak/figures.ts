import { appendFileSync } from 'node:fs';

/**
 * The figures a soak reports. Each soak test records its own as it ends; `npm run soak`
 * (tests/soak/run.ts) prints them all as one table once the tests are done. Outside the
 * soak (a plain `npm test`) nothing is recorded.
 */
export interface SoakFigure {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly pass: boolean;
}

/** The file the soak collects figures in, one JSON object per line. */
export const SOAK_REPORT_ENV = 'RELEVANT_SOAK_REPORT';

export function recordSoakFigure(figure: SoakFigure): void {
  const file = process.env[SOAK_REPORT_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

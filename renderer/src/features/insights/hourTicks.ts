const STEPS = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500];

/** Round hours for the axis (0, 0.5, 1, 1.5 … or 0, 10, 20 …), at most about five of them. */
export function hourTicks(maxHours: number): number[] {
  const step = STEPS.find((candidate) => maxHours / candidate <= 4) ?? Math.ceil(maxHours / 4);
  const top = Math.max(step, Math.ceil(maxHours / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}

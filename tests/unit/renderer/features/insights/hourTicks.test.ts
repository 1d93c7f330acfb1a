import { describe, expect, it } from 'vitest';
import { hourTicks } from '../../../../../renderer/src/features/insights/hourTicks';

describe('hour ticks of the band charts', () => {
  it.each([
    [0, [0, 0.5]],
    [0.5, [0, 0.5]],
    [1.6, [0, 0.5, 1, 1.5, 2]],
    [3, [0, 1, 2, 3]],
    [2.2, [0, 1, 2, 3]],
    [7, [0, 2, 4, 6, 8]],
    [37, [0, 10, 20, 30, 40]],
    [130, [0, 50, 100, 150]],
  ])('for a tallest bar of %d h: %j', (max, ticks) => {
    expect(hourTicks(max)).toEqual(ticks);
  });

  it('always reaches the tallest bar, with at most five steps', () => {
    for (let max = 0.1; max < 3000; max *= 1.37) {
      const ticks = hourTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { relevanceBand, sampleJournal, validateInteraction } from '../../../../shared/domain';

const NOW = new Date('2026-11-25T18:00:00.000Z');

describe('sampleJournal', () => {
  it('every entry is a valid interaction, on any machine time zone', () => {
    const previous = process.env.TZ;
    try {
      for (const zone of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        for (const { fields } of sampleJournal(NOW, 'Europe/Madrid')) {
          expect(validateInteraction(fields), `${zone}: ${fields.title}`).toMatchObject({
            ok: true,
          });
        }
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('lies in the weeks before now and uses the given time zone', () => {
    const entries = sampleJournal(NOW, 'America/Chicago');
    expect(entries.length).toBeGreaterThan(10);
    for (const { fields } of entries) {
      expect(Date.parse(fields.startedAt)).toBeLessThan(NOW.getTime());
      expect(Date.parse(fields.startedAt)).toBeGreaterThan(NOW.getTime() - 60 * 86_400_000);
      expect(fields.timeZone).toBe('America/Chicago');
    }
  });

  it('shows every relevance band, so the report has something to show', () => {
    const bands = new Set(sampleJournal(NOW, 'UTC').map((e) => relevanceBand(e.fields.relevance)));
    expect([...bands].sort()).toEqual(['high', 'low', 'medium', 'unrated']);
  });
});

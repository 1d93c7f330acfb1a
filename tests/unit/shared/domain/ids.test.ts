import { describe, expect, it } from 'vitest';
import { asInteractionId, newInteractionId } from '../../../../shared/domain';

describe('interaction ids', () => {
  it('are random UUIDs (v4), so two devices never make the same one', () => {
    const ids = Array.from({ length: 1000 }, () => newInteractionId());
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asInteractionId keeps the stored key unchanged', () => {
    expect(asInteractionId('9b2f0c1e-1111-4222-8333-444455556666')).toBe(
      '9b2f0c1e-1111-4222-8333-444455556666',
    );
  });
});

import type { InteractionFields, InteractionPatch } from '../../../../shared/domain';

/**
 * The fields a person actually changed in the form. Only these are written, so an edit
 * made meanwhile on another device to a field left alone here is kept.
 */
export function changedFields(
  before: InteractionFields,
  after: InteractionFields,
): InteractionPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof InteractionFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch;
}

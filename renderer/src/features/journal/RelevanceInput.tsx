import { Input, SegmentedControl } from '@mantine/core';
import { RELEVANCE_LABELS, toRelevance, type Relevance } from '../../../../shared/domain';

interface Props {
  value: Relevance | null;
  onChange: (value: Relevance | null) => void;
}

const DATA = [
  { value: '0', label: 'Unrated' },
  ...([1, 2, 3, 4, 5] as const).map((n) => ({ value: String(n), label: String(n) })),
];

/** Relevance 1–5 or unrated; number keys 1–5 (and 0) choose while it has focus. */
export function RelevanceInput({ value, onChange }: Props) {
  return (
    <Input.Wrapper
      label="Relevance"
      description={
        value === null ? 'How much did it serve what you want? 1–5' : RELEVANCE_LABELS[value]
      }
      id="relevance-input"
    >
      <SegmentedControl
        fullWidth
        aria-label="Relevance"
        data={DATA}
        value={String(value ?? 0)}
        onChange={(next) => onChange(toRelevance(Number(next)))}
      />
    </Input.Wrapper>
  );
}

import { Input, SegmentedControl } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { RELEVANCE_LABELS, toRelevance, type Relevance } from '../../../../shared/domain';

interface Props {
  value: Relevance | null;
  onChange: (value: Relevance | null) => void;
  /** The field's name ("Relevance" unless given). */
  label?: string;
  /** What to ask while no rating is chosen. */
  prompt?: string;
  /** The name of "no rating" ("Unrated" unless given). */
  noneLabel?: string;
}

const dataOf = (noneLabel: string) => [
  { value: '0', label: noneLabel },
  ...([1, 2, 3, 4, 5] as const).map((n) => ({ value: String(n), label: String(n) })),
];

/** Relevance 1–5 or unrated; number keys 1–5 (and 0) choose while it has focus. */
export function RelevanceInput({
  value,
  onChange,
  label = 'Relevance',
  prompt = 'How much did it serve what you want? 1–5',
  noneLabel = 'Unrated',
}: Props) {
  const root = useRef<HTMLDivElement>(null);
  // A rating chosen by a digit key while a segment has the focus: the focus goes with it, so
  // the arrow keys move on from the chosen rating, not from the one that had the focus.
  useEffect(() => {
    const focused = document.activeElement;
    const segments = root.current;
    if (!(focused instanceof HTMLInputElement) || !segments?.contains(focused)) return;
    const chosen = String(value ?? 0);
    if (focused.value === chosen) return;
    segments.querySelector<HTMLInputElement>(`input[value="${chosen}"]`)?.focus();
  }, [value]);
  return (
    <Input.Wrapper
      label={label}
      description={value === null ? prompt : RELEVANCE_LABELS[value]}
      id="relevance-input"
    >
      <SegmentedControl
        ref={root}
        fullWidth
        aria-label={label}
        data={dataOf(noneLabel)}
        value={String(value ?? 0)}
        onChange={(next) => onChange(toRelevance(Number(next)))}
      />
    </Input.Wrapper>
  );
}

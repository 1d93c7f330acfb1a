import type { Contact, Introduction, IntroductionDirection } from '../domain';

/** One introduction as the monthly report lists it. */
export interface IntroductionLine {
  readonly date: string;
  readonly direction: IntroductionDirection;
  /** Who offered, and who needed it (a deleted contact is named as such). */
  readonly offerName: string;
  readonly needName: string;
  readonly need: string;
  readonly offer: string;
  readonly outcome: string;
}

/** The report's "Introductions": the month's entries and the ledger's counts. */
export interface IntroductionsOfMonth {
  /** Recorded with a date in the month, oldest first. */
  readonly lines: readonly IntroductionLine[];
  readonly madeInMonth: number;
  readonly receivedInMonth: number;
  /** The whole ledger, up to the month's end. */
  readonly made: number;
  readonly received: number;
}

/** The introductions of a month (YYYY-MM) and the ledger's made/received counts up to its end. */
export function introductionsOfMonth(
  month: string,
  introductions: readonly Introduction[],
  contacts: readonly Contact[],
): IntroductionsOfMonth {
  const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
  const nameOf = (id: string) => names.get(id) ?? 'a deleted contact';
  const end = `${month}-99`;
  const upToEnd = introductions.filter((intro) => intro.date <= end);
  const inMonth = upToEnd
    .filter((intro) => intro.date.startsWith(`${month}-`))
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  const count = (list: readonly Introduction[], direction: IntroductionDirection) =>
    list.filter((intro) => intro.direction === direction).length;
  return {
    lines: inMonth.map((intro) => ({
      date: intro.date,
      direction: intro.direction,
      offerName: nameOf(intro.offerContactId),
      needName: nameOf(intro.needContactId),
      need: intro.need,
      offer: intro.offer,
      outcome: intro.outcome,
    })),
    madeInMonth: count(inMonth, 'made'),
    receivedInMonth: count(inMonth, 'received'),
    made: count(upToEnd, 'made'),
    received: count(upToEnd, 'received'),
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "2 introductions this month (1 made, 1 received); the ledger: 5 made, 2 received." */
export function introductionCounts(figures: IntroductionsOfMonth): string {
  return `${plural(figures.lines.length, 'introduction')} this month (${figures.madeInMonth} made, ${figures.receivedInMonth} received); the ledger: ${figures.made} made, ${figures.received} received.`;
}

/** "Rosa Delgado → Tom Alvarez (made): “plant management experience” for “a plant manager”". */
export function introductionHeadline(line: IntroductionLine): string {
  const about = [line.offer && `“${line.offer}”`, line.need && `for “${line.need}”`]
    .filter(Boolean)
    .join(' ');
  return `${line.offerName} → ${line.needName} (${line.direction})${about ? `: ${about}` : ''}`;
}

import {
  localDateOf,
  nextStepsFor,
  parseDayNumber,
  type DayNumber,
  type JournalFacts,
  type LocalDate,
  type Period,
} from '../analytics';
import type { Contact, Interaction } from '../domain';

/** Where a follow-up was written: on an interaction, or on a contact. */
export type FollowUpSource =
  | { readonly kind: 'interaction'; readonly id: string; readonly label: string }
  | { readonly kind: 'contact'; readonly id: string; readonly label: string };

/** An open follow-up (a next step not done yet), from an interaction or a contact. */
export interface FollowUp {
  /** Unique across both kinds: `interaction:<id>` or `contact:<id>`. */
  readonly key: string;
  readonly source: FollowUpSource;
  /** The next step, as written. */
  readonly text: string;
  /** The due day, or null when it has none (or what is stored is not a date). */
  readonly due: LocalDate | null;
  readonly dueDay: DayNumber | null;
}

/** The open follow-ups on a day, in the Today view's groups. */
export interface FollowUpGroups {
  /** Due before today, the longest overdue first. */
  readonly overdue: readonly FollowUp[];
  readonly dueToday: readonly FollowUp[];
  /** Due after today (however far ahead), soonest first. */
  readonly upcoming: readonly FollowUp[];
  /** Open, with no due day: by source. */
  readonly undated: readonly FollowUp[];
}

/** What follow-ups are read from: the snapshot's lists (any object that has them). */
export interface FollowUpSources {
  readonly interactions: readonly Interaction[];
  readonly contacts: readonly Contact[];
}

type WithNextStep = Pick<Contact, 'id' | 'nextStep' | 'nextStepDue' | 'nextStepDone'>;

/** The next step of a record as a follow-up, or null when it has none or it is done. */
function openFollowUp(record: WithNextStep, source: FollowUpSource): FollowUp | null {
  if (record.nextStep.trim() === '') return null;
  // A done day that is not a date (written by a broken client) does not count as done, as in
  // the analytics.
  if (parseDayNumber(record.nextStepDone) !== null) return null;
  const dueDay = parseDayNumber(record.nextStepDue);
  return {
    key: `${source.kind}:${record.id}`,
    source,
    text: record.nextStep.trim(),
    due: dueDay === null ? null : localDateOf(dueDay),
    dueDay,
  };
}

/** Each record's follow-up, worked out once per record object (snapshots reuse them). */
const followUpOfRecord = new WeakMap<WithNextStep, FollowUp | null>();

function cachedFollowUp(record: WithNextStep, source: () => FollowUpSource): FollowUp | null {
  let item = followUpOfRecord.get(record);
  if (item === undefined) {
    item = openFollowUp(record, source());
    followUpOfRecord.set(record, item);
  }
  return item;
}

/**
 * The last interactions list read and each one's follow-up: the next snapshot's list holds the
 * same objects but the few that changed, nearly always in the same places, so most are found
 * by comparing place by place before the per-record cache is asked.
 */
let lastRead: { list: readonly Interaction[]; items: (FollowUp | null)[] } | undefined;

function interactionFollowUp(interaction: Interaction): FollowUp | null {
  return cachedFollowUp(interaction, () => ({
    kind: 'interaction',
    id: interaction.id,
    label: interaction.title,
  }));
}

/** Every open follow-up in the journal, from interactions and contacts. */
export function openFollowUps(sources: FollowUpSources): FollowUp[] {
  const list = sources.interactions;
  const before = lastRead?.list ?? [];
  const beforeItems = lastRead?.items ?? [];
  const items = new Array<FollowUp | null>(list.length);
  const all: FollowUp[] = [];
  // `shift` follows one insertion or removal ahead, so the places line up again after it.
  let shift = 0;
  for (let index = 0; index < list.length; index++) {
    const interaction = list[index] as Interaction;
    let item: FollowUp | null;
    if (before[index + shift] === interaction) item = beforeItems[index + shift] ?? null;
    else {
      if (before[index + shift + 1] === interaction) shift++;
      else if (before[index + shift - 1] === interaction) shift--;
      item = interactionFollowUp(interaction);
    }
    items[index] = item;
    if (item) all.push(item);
  }
  lastRead = { list, items };
  for (const contact of sources.contacts) {
    const item = cachedFollowUp(contact, () => ({
      kind: 'contact',
      id: contact.id,
      label: contact.name,
    }));
    if (item) all.push(item);
  }
  return all;
}

/** By due day (undated last), then source label, then key: the same order on every device. */
export function compareFollowUps(a: FollowUp, b: FollowUp): number {
  if (a.dueDay !== b.dueDay) {
    if (a.dueDay === null) return 1;
    if (b.dueDay === null) return -1;
    return a.dueDay - b.dueDay;
  }
  if (a.source.label !== b.source.label) return a.source.label < b.source.label ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

type GroupName = keyof FollowUpGroups;

/** The last grouping per interactions list: the badge, reminders and Today view share it. */
const groupCache = new WeakMap<
  readonly Interaction[],
  { contacts: readonly Contact[]; today: DayNumber; groups: FollowUpGroups }
>();

/**
 * The open follow-ups as of `today`, grouped: overdue (due before today), due today,
 * upcoming (due later, however far: nothing with a date is hidden), and those with no date.
 * Done ones are left out. Days are calendar days, compared as numbers: no time zone enters.
 * Each group is sorted (compareFollowUps) when first read, so counting costs no sort; the
 * same lists and day give the same object back.
 */
export function followUpsFor(sources: FollowUpSources, today: DayNumber): FollowUpGroups {
  const cached = groupCache.get(sources.interactions);
  if (cached?.contacts === sources.contacts && cached.today === today) return cached.groups;
  const parts: Record<GroupName, FollowUp[]> = {
    overdue: [],
    dueToday: [],
    upcoming: [],
    undated: [],
  };
  for (const item of openFollowUps(sources)) {
    if (item.dueDay === null) parts.undated.push(item);
    else if (item.dueDay < today) parts.overdue.push(item);
    else if (item.dueDay === today) parts.dueToday.push(item);
    else parts.upcoming.push(item);
  }
  const sorted = new Set<GroupName>();
  const read = (name: GroupName) => {
    if (!sorted.has(name)) parts[name].sort(compareFollowUps);
    sorted.add(name);
    return parts[name];
  };
  const groups: FollowUpGroups = {
    get overdue() {
      return read('overdue');
    },
    get dueToday() {
      return read('dueToday');
    },
    get upcoming() {
      return read('upcoming');
    },
    get undated() {
      return read('undated');
    },
  };
  countOf.set(groups, { overdue: parts.overdue.length, dueToday: parts.dueToday.length });
  groupCache.set(sources.interactions, { contacts: sources.contacts, today, groups });
  return groups;
}

const countOf = new WeakMap<FollowUpGroups, { overdue: number; dueToday: number }>();

/** How many follow-ups are overdue and due today, without sorting the groups. */
export function dueCounts(groups: FollowUpGroups): { overdue: number; dueToday: number } {
  return (
    countOf.get(groups) ?? { overdue: groups.overdue.length, dueToday: groups.dueToday.length }
  );
}

/** The follow-ups needing attention on `today`: overdue and due today (the nav's badge). */
export function dueFollowUps(groups: FollowUpGroups): readonly FollowUp[] {
  return [...groups.overdue, ...groups.dueToday];
}

/** How the follow-ups due in a period went, counting interactions' and contacts' alike. */
export interface FollowUpFigures {
  /** Due within the period, done or not. */
  readonly due: number;
  /** Of those, done on or before the due day. */
  readonly doneOnTime: number;
  /** Of those, done after the due day (whenever, up to now). */
  readonly doneLate: number;
  /**
   * Due within the period before today and still open then (not done before the period's
   * end, nor on or before today): the rule of `nextStepsFor`.
   */
  readonly overdue: number;
}

/**
 * Follow-up figures for a period, as of `today`. Interactions' next steps come from
 * `nextStepsFor` (its due and overdue lists); contacts' follow-ups are counted by the same
 * rules here.
 */
export function followUpFiguresFor(
  facts: JournalFacts,
  contacts: readonly Contact[],
  period: Period,
  today: DayNumber,
): FollowUpFigures {
  const steps = nextStepsFor(facts, period, today);
  let due = steps.due.length;
  let overdue = steps.overdue.length;
  let doneOnTime = 0;
  let doneLate = 0;
  const count = (dueDay: number, doneDay: number | null) => {
    if (doneDay === null) return;
    if (doneDay <= dueDay) doneOnTime++;
    else doneLate++;
  };
  for (const item of steps.due) {
    count(parseDayNumber(item.due) as number, parseDayNumber(item.done));
  }
  const dueBefore = Math.min(today, period.end);
  const doneBefore = Math.min(today + 1, period.end);
  for (const contact of contacts) {
    if (contact.nextStep.trim() === '') continue;
    const dueDay = parseDayNumber(contact.nextStepDue);
    if (dueDay === null || dueDay < period.start || dueDay >= period.end) continue;
    const doneDay = parseDayNumber(contact.nextStepDone);
    due++;
    count(dueDay, doneDay);
    if (dueDay < dueBefore && (doneDay === null || doneDay >= doneBefore)) overdue++;
  }
  return { due, doneOnTime, doneLate, overdue };
}

/**
 * Whether the runtime knows an IANA time-zone name. Bare offsets such as +01:00 are refused
 * even where Intl accepts them (newer engines do): they are not zones and ignore daylight saving.
 */
export function isKnownTimeZone(value: string): boolean {
  if (value.length === 0 || /^[+-]/.test(value)) return false;
  return canonicalZoneOf(value) !== null;
}

/** The runtime's canonical spelling of a known time-zone name (Intl matches names case-insensitively). */
export function canonicalTimeZone(value: string): string {
  const canonical = canonicalZoneOf(value);
  if (canonical === null) throw new RangeError(`Invalid time zone specified: ${value}`);
  return canonical;
}

/**
 * Zone name → its canonical spelling, or null when the runtime does not know it: asking Intl
 * builds a formatter, which costs more than the rest of validating an interaction. Bounded, as
 * damaged data could bring any number of distinct names.
 */
const zoneNames = new Map<string, string | null>();
const MAX_ZONE_NAMES = 1000;

function canonicalZoneOf(value: string): string | null {
  let canonical = zoneNames.get(value);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    if (zoneNames.size >= MAX_ZONE_NAMES) zoneNames.clear();
    zoneNames.set(value, canonical);
  }
  return canonical;
}

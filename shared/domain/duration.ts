/**
 * How long something took, as people type it: "45", "45m", "45 min", "1h", "1h30", "1h 30m",
 * "1.5h", "2 hours", "1:30". Minutes (rounded to whole), or null when the text is not a
 * duration. Limits are the record's to check.
 */
export function parseDuration(text: string): number | null {
  const typed = text.trim().toLowerCase().replace(',', '.');
  if (typed === '') return null;
  const minutesOnly = /^(\d{1,5})\s*(?:m|min|mins|minutes?)?$/.exec(typed);
  if (minutesOnly) return Number(minutesOnly[1]);
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(typed);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const hours =
    /^(\d{1,3}(?:\.\d{1,2})?)\s*(?:h|hr|hrs|hours?)\s*(?:(\d{1,2})\s*(?:m|min|mins|minutes?)?)?$/.exec(
      typed,
    );
  if (!hours) return null;
  const extra = hours[2] === undefined ? 0 : Number(hours[2]);
  if (extra >= 60) return null;
  return Math.round(Number(hours[1]) * 60) + extra;
}

// The targets the rows are printed against ("Fast at any size" and the issues before it). A
// missed target prints MISS; it never fails the run.
export const TARGET = {
  /** Encoded journal document against JSON of the same records. */
  sizeRatio: 1.1,
  /** Y.applyUpdate of the journal document against JSON.parse (moonshot 2×). */
  loadRatio: 3,
  loadMoonshotRatio: 2,
  addMs: 16,
  /** Insights open, one interaction logged: journal changed → headline painted. */
  redrawMs: 16,
  /** Chromium: reload → journal editable, by journal size. */
  editableMs: { 20_000: 1000, 100_000: 3000 } as Readonly<Record<number, number>>,
  /** Chromium: the longest main-thread task while the journal opens (moonshot 50 ms). */
  longestTaskMs: 200,
  longestTaskMoonshotMs: 50,
  /** Chromium: the renderer's JS heap with the 20k journal open, in MB (10^6 bytes). */
  heapMB: 75,
  /** Chromium: a new device, until the journal is written to IndexedDB and painted. */
  newDeviceMs: 2000,
  monthReportMs: 20,
  insightsMs: 100,
  /** Month report (and the other analytics) against their floor, at every size. */
  analyticsFloorRatio: 3,
  suggestionMs: 10,
  /** Chromium, 20k journal: the N shortcut → the title field focused. */
  captureFocusMs: 50,
  /** A 60-character line typed at 50 ms a key: N → its card painted, and the app's share. */
  captureLineMs: 4000,
  captureAppShareMs: 100,
} as const;

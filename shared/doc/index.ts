export { JournalDoc, type AddOptions } from './journalDoc';
export { compareNewestFirst, type JournalSnapshot } from './journalSnapshot';
export { journalParts, PART_BYTES } from './journalParts';
export { decodeJournalFile, encodeJournalFile, type JournalFile } from './journalFile';
export {
  migrate,
  MIGRATIONS,
  NewerSchemaError,
  storedSchemaVersion,
  type Migration,
} from './migrations';
export { ORIGIN, type Origin } from './origins';
export {
  JournalReflections,
  LOCAL_TEXT_DELAY_MS,
  REMOTE_TEXT_DELAY_MS,
  type Scheduler,
} from './reflections';
export { reflectionText } from './reflectionText';
export {
  REFLECTIONS_ROOT,
  entryClientId,
  makeReflectionEntry,
  makeSharedReflectionEntry,
  reflectionEntry,
} from './reflectionEntries';
export { SCHEMA_VERSION } from './schema';
export type { StoredRecord } from './recordCollection';
export type { RecordFieldsOf, RecordKindName } from './recordKinds';

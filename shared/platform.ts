/** Names shared by every place the journal is stored. */
export const LOCAL_JOURNAL_DATABASE = 'relevant-journal';

/** The database of a journal's reflections (its second document), beside the journal's own. */
export const reflectionsDatabaseName = (journalDatabase: string) =>
  `${journalDatabase}-reflections`;

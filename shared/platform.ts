/** Names shared by every place the journal is stored. */
export const LOCAL_JOURNAL_DATABASE = 'relevant-journal';

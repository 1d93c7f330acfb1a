import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { detectPlatform } from './platform';
import { readJournalPreview } from './platform/journalPreview';

// Reading the journal's preview from storage overlaps with starting React.
const preview = readJournalPreview();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// Drawn as a transition: React draws it a slice at a time, so starting takes no long task.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App platform={detectPlatform()} preview={preview} />
    </StrictMode>,
  );
});

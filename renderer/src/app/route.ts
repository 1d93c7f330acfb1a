import { useCallback, useSyncExternalStore } from 'react';

/** The screens, addressed by the URL's hash so a reload (or a bookmark) keeps the place. */
export type Route =
  | { readonly screen: 'journal' }
  | { readonly screen: 'insights' }
  | { readonly screen: 'today' }
  | { readonly screen: 'goals' }
  | { readonly screen: 'planned' }
  | { readonly screen: 'contacts'; readonly contactId: string | null }
  | { readonly screen: 'report'; readonly month: string | null };

const REPORT = /^#\/report(?:\/(\d{4}-(?:0[1-9]|1[0-2])))?$/;
const CONTACTS = /^#\/contacts(?:\/([\w-]{1,64}))?$/;

export function parseRoute(hash: string): Route {
  if (hash === '#/insights') return { screen: 'insights' };
  if (hash === '#/today') return { screen: 'today' };
  if (hash === '#/goals') return { screen: 'goals' };
  if (hash === '#/planned') return { screen: 'planned' };
  const report = REPORT.exec(hash);
  if (report) return { screen: 'report', month: report[1] ?? null };
  const contacts = CONTACTS.exec(hash);
  if (contacts) return { screen: 'contacts', contactId: contacts[1] ?? null };
  return { screen: 'journal' };
}

export function hashOf(route: Route): string {
  if (route.screen === 'insights') return '#/insights';
  if (route.screen === 'today') return '#/today';
  if (route.screen === 'goals') return '#/goals';
  if (route.screen === 'planned') return '#/planned';
  if (route.screen === 'report') return route.month ? `#/report/${route.month}` : '#/report';
  if (route.screen === 'contacts') {
    return route.contactId ? `#/contacts/${route.contactId}` : '#/contacts';
  }
  return '#/';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const currentHash = () => window.location.hash;

/** The current screen, and a way to go to another (the browser's back button goes back). */
export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = hashOf(route);
  }, []);
  return [parseRoute(hash), navigate];
}

import { Button, Group, Kbd } from '@mantine/core';
import type { Route } from './route';
import { hashOf } from './route';

const SCREENS = [
  { screen: 'journal', label: 'Journal', key: 'J' },
  { screen: 'insights', label: 'Insights', key: 'I' },
  { screen: 'report', label: 'Report', key: 'R' },
  { screen: 'contacts', label: 'Contacts', key: 'C' },
] as const;

/** Links to the three screens; the current one is marked for screen readers too. */
export function ScreenNav({ route }: { route: Route }) {
  return (
    <Group component="nav" aria-label="Screens" gap={4} wrap="nowrap">
      {SCREENS.map(({ screen, label, key }) => {
        const current = route.screen === screen;
        const target: Route =
          screen === 'report'
            ? { screen, month: null }
            : screen === 'contacts'
              ? { screen, contactId: null }
              : { screen };
        return (
          <Button
            key={screen}
            component="a"
            href={hashOf(target)}
            variant={current ? 'light' : 'subtle'}
            aria-current={current ? 'page' : undefined}
            title={`${label} (${key})`}
            rightSection={
              <Kbd size="xs" visibleFrom="md">
                {key}
              </Kbd>
            }
          >
            {label}
          </Button>
        );
      })}
    </Group>
  );
}

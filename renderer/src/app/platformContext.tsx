import { createContext, useContext } from 'react';
import type { Platform } from '../platform';

const PlatformContext = createContext<Platform | null>(null);

export const PlatformProvider = PlatformContext.Provider;

/** Where the app runs (desktop or web) and what that place offers. */
export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform must be used inside <PlatformProvider>.');
  return platform;
}

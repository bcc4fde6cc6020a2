import { useEffect, useState } from 'react';
import type { Theme } from '@pandesk/contract';

const QUERY = '(prefers-color-scheme: dark)';

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

/** The theme to paint: the setting, or the system's preference (followed live) for `system`. */
export function useResolvedTheme(theme: Theme | undefined): 'light' | 'dark' {
  const [dark, setDark] = useState(systemPrefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(QUERY);
    const listener = (e: MediaQueryListEvent): void => setDark(e.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, []);
  if (theme === 'light' || theme === 'dark') return theme;
  return dark ? 'dark' : 'light';
}

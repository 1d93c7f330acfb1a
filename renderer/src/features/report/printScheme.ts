const ATTRIBUTE = 'data-mantine-color-scheme';

/** Paper is white: switch to the light scheme while printing, then back. */
export async function inLightScheme<T>(work: () => Promise<T>): Promise<T> {
  const root = document.documentElement;
  const scheme = root.getAttribute(ATTRIBUTE);
  root.setAttribute(ATTRIBUTE, 'light');
  try {
    return await work();
  } finally {
    if (scheme === null) root.removeAttribute(ATTRIBUTE);
    else root.setAttribute(ATTRIBUTE, scheme);
  }
}

/** Keeps printing from the browser's own menu (Ctrl/⌘+P) in the light scheme too. */
export function printInLightScheme(): () => void {
  let restore: string | null = null;
  const before = () => {
    restore = document.documentElement.getAttribute(ATTRIBUTE);
    document.documentElement.setAttribute(ATTRIBUTE, 'light');
  };
  const after = () => {
    if (restore !== null) document.documentElement.setAttribute(ATTRIBUTE, restore);
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}

// Paths inside a CE folder: folder-relative and `/`-separated, as the index keeps them. A leaf module, so
// the dashboard renderer and the transcript can use it without the index (and its YAML reader).

/** Resolves `target` relative to the folder of `notePath`, both `/`-separated and folder-relative. */
export function resolveRelative(notePath: string, target: string): { path: string; outside: boolean } {
  const parts = target.startsWith('/') ? [] : notePath.split('/').slice(0, -1);
  let outside = false;
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) outside = true;
      else parts.pop();
    } else parts.push(segment);
  }
  return { path: parts.join('/'), outside: outside || target.startsWith('/') };
}

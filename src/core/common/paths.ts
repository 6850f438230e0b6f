// Paths inside a CE folder: folder-relative and `/`-separated, as the index keeps them. A leaf module, so
// the dashboard renderer and the transcript can use it without the index (and its YAML reader).

/**
 * True for a path that names a place by itself rather than inside the folder: `/x`, `\x`, `//host/share`,
 * `\\host\share`, `C:\x`, `C:x` (a drive letter, on Windows), or a URL-like `scheme://`.
 */
export function isAbsolutePath(path: string): boolean {
  return /^[/\\]/.test(path) || /^[A-Za-z]:/.test(path) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path);
}

/**
 * Resolves `target` relative to the folder of `notePath`, both `/`-separated and folder-relative. `outside` is
 * true when the target is absolute or leaves the folder: `path` then means nothing inside it and is never used.
 */
export function resolveRelative(notePath: string, target: string): { path: string; outside: boolean } {
  if (isAbsolutePath(target)) return { path: '', outside: true };
  const parts = notePath.split('/').slice(0, -1);
  let outside = false;
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) outside = true;
      else parts.pop();
    } else parts.push(segment);
  }
  return { path: outside ? '' : parts.join('/'), outside };
}

/**
 * The segments of a path that must stay inside a folder (`transcripts/x.csv`, `notes\new`), or undefined
 * when it is absolute, has a `..` segment or a NUL (no file system takes one; fs would throw a bare TypeError).
 * `.` and empty segments are dropped; no segment is left empty.
 */
export function insideSegments(relativePath: string): string[] | undefined {
  if (isAbsolutePath(relativePath) || relativePath.includes('\0')) return undefined;
  const segments = relativePath.split(/[/\\]/).filter((s) => s !== '' && s !== '.');
  return segments.includes('..') ? undefined : segments;
}

/**
 * A folder typed by a person (New CE Note, its setting or automation) as a clean folder-relative path:
 * `/`-separated, segments trimmed, no empty or `.` segment; '' for the folder itself. Undefined for a place
 * that is not inside the folder (`../x`, `/x`, `C:\x`, `//host/x`) or a name with a control character: those
 * were silently turned into a folder inside (`../x` became `x`, `C:\x` a folder named `C:`).
 */
export function typedFolder(text: string): string | undefined {
  if (/[\u0000-\u001f\u007f]/.test(text)) return undefined;
  const segments = insideSegments(text.trim())
    ?.map((s) => s.trim())
    .filter((s) => s !== '' && s !== '.');
  return segments?.includes('..') ? undefined : segments?.join('/');
}

/** File name without folder and extension (`2026/law.md` -> `law`): a note's last title fallback. */
export function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

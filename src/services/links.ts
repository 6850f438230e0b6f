// Symbolic links are never followed when a folder is indexed (see core/index/links.ts for why). VS Code's file
// search follows folder links, so its results are checked against directory listings: one readDirectory per
// folder that holds a note (its entries carry the SymbolicLink bit), never a stat or realpath per note; only
// the links found are resolved, to say where they point.
import * as vscode from 'vscode';
import type { SkippedLink } from '../core/index/links';
import { forEachLimited } from './each-limited';
import { READ_CONCURRENCY, errorText } from './files';
import { relativePathIn, uriIn } from './folder';
import { log } from './log';
import { diskFor } from './platform';

/** The notes among `uris` that are not links nor inside a linked folder, and the links that were left out. */
export async function withoutLinks(wsFolder: vscode.WorkspaceFolder, uris: readonly vscode.Uri[]): Promise<{ notes: vscode.Uri[]; links: SkippedLink[] }> {
  if (uris.length === 0) return { notes: [], links: [] };
  const segmentsOf = new Map(uris.map((uri) => [uri, relativePathIn(wsFolder.uri, uri).split('/')]));
  const needed = new Set<string>();
  for (const segments of segmentsOf.values()) for (let i = 0; i < segments.length; i++) needed.add(segments.slice(0, i).join('/'));
  // Listed level by level from the top, never below a link (that would list what lies outside the folder).
  const listings = new Map<string, Map<string, vscode.FileType>>();
  let level = [''];
  while (level.length > 0) {
    await forEachLimited(level, READ_CONCURRENCY, async (dir) => {
      try {
        listings.set(dir, new Map(await vscode.workspace.fs.readDirectory(uriIn(wsFolder.uri, dir))));
      } catch (error) {
        log()?.warn(`Could not list ${dir || wsFolder.name}: ${errorText(error)}`);
      }
    });
    level = [...needed].filter((dir) => {
      const cut = dir.lastIndexOf('/');
      const [parent, name] = cut < 0 ? ['', dir] : [dir.slice(0, cut), dir.slice(cut + 1)];
      const type = dir !== '' && level.includes(parent) ? listings.get(parent)?.get(name) : undefined;
      return type !== undefined && type & vscode.FileType.Directory && !(type & vscode.FileType.SymbolicLink);
    });
  }
  const notes: vscode.Uri[] = [];
  const links = new Map<string, SkippedLink>();
  for (const [uri, segments] of segmentsOf) {
    const at = segments.findIndex((name, i) => ((listings.get(segments.slice(0, i).join('/'))?.get(name) ?? 0) & vscode.FileType.SymbolicLink) !== 0);
    if (at < 0) {
      notes.push(uri);
      continue;
    }
    const linkPath = segments.slice(0, at + 1).join('/');
    if (!links.has(linkPath)) links.set(linkPath, { path: linkPath, kind: at < segments.length - 1 ? 'folder' : 'file' });
  }
  return { notes, links: [...links.values()].map((link) => withTarget(wsFolder.uri, link)) };
}

/** Where a link points, when Node reads the file system (realpath only for the links found). */
export function withTarget(folderUri: vscode.Uri, link: SkippedLink): SkippedLink {
  const target = diskFor(folderUri)?.linkTarget(folderUri.fsPath, link.path);
  return target === undefined ? link : { ...link, target };
}

/** True when the stat of a file says it is a symbolic link. */
export async function isLink(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.SymbolicLink) !== 0;
  } catch {
    return false;
  }
}

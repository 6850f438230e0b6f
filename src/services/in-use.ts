// Whether the open folders use the extension at all (the sidebar and status bar stay quiet otherwise).
import type { WorkspaceIndex } from './types';

/**
 * True once the workspace uses the extension: a folder has `.pharmacy-ce.json` or a CE note exists. Before
 * that (any folder with a README activates the extension) nothing shows a default credential at 0 h: no
 * tree rows, no badge, no status bar item.
 */
export function isInUse(index: WorkspaceIndex): boolean {
  return index.folders().some((f) => f.hasConfigFile || f.index.notes().some((n) => n.kind === 'ce'));
}

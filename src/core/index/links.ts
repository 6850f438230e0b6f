// Symbolic links in a notes folder are never followed: a link could bring in files from anywhere (a link to
// `/etc` with `include: ["**"]` read a thousand files), and one to a note inside the folder would count that
// note twice. Whoever reads the folder (the CLI, the extension) reports each link it skipped with these problems.
import * as l10n from '@vscode/l10n';
import type { Problem } from '../types';

export interface SkippedLink {
  /** Folder-relative path of the link. */
  path: string;
  kind: 'file' | 'folder';
  /** Where it points, when known: a folder-relative path inside the folder, or 'outside'. */
  target?: { inside: string } | 'outside';
}

/** Links reported one by one; past this many, one summary problem names the rest. */
const MAX_LINK_PROBLEMS = 10;

export function linkProblems(links: readonly SkippedLink[]): Problem[] {
  const sorted = [...links].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const problems = sorted.slice(0, MAX_LINK_PROBLEMS).map(linkProblem);
  const rest = sorted.slice(MAX_LINK_PROBLEMS);
  if (rest.length > 0) {
    const names = rest.slice(0, 5).map((l) => l.path).join(', ');
    problems.push({
      file: rest[0].path,
      line: 1,
      column: 1,
      severity: 'warning',
      code: 'link-skipped',
      message: l10n.t('{0} more symbolic links were not read either ({1}).', rest.length, rest.length > 5 ? `${names}, …` : names),
    });
  }
  return problems;
}

function linkProblem(link: SkippedLink): Problem {
  const where =
    link.target === 'outside'
      ? l10n.t('it points outside the notes folder, and nothing outside it is read')
      : link.target
        ? l10n.t('it points to {0}, which is read where it is (read twice, its hours would count twice)', link.target.inside || l10n.t('the folder itself'))
        : l10n.t('notes are read only where they really are in the folder');
  return {
    file: link.path,
    line: 1,
    column: 1,
    severity: link.target && link.target !== 'outside' ? 'info' : 'warning',
    code: 'link-skipped',
    message: link.kind === 'folder' ? l10n.t('Not read: this folder is a symbolic link; {0}.', where) : l10n.t('Not read: this file is a symbolic link; {0}.', where),
  };
}

// The entry VS Code's Markdown preview calls (`extendMarkdownIt` in the object activate returns, announced by
// `contributes.markdown.markdownItPlugins`): the card plugin with the editor's
// front-matter setting.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { cardPreview } from './plugin';

export function extendMarkdownIt(md: MarkdownIt): MarkdownIt {
  return md.use(cardPreview, {
    // "hide" means the user wants no front matter in the preview: no summary box either.
    noteSummary: () => vscode.workspace.getConfiguration('markdown.preview').get<string>('frontMatter') !== 'hide',
  });
}

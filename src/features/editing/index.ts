// Help while writing a note's frontmatter: completion for keys and values, hovers that explain a UAN and topic
// keys. Only between the frontmatter fences: the body is the user's own Markdown.
import * as vscode from 'vscode';
import { localToday } from '../../core/common/dates';
import { escapeMarkdown } from '../../core/common/text';
import { frontmatterContextAt, keyValueOnLine, wordAt, type FrontmatterContext } from '../../core/notes/cursor';
import { findFence } from '../../core/notes/fence';
import { CAREER_DATE_KEYS, careerTypeIn, careerWordInfo } from '../../core/career/career-format';
import { RESPONSIBILITIES } from '../../core/career/vocabulary';
import { keysOffered, keyValues } from '../../core/notes/format';
import { TOPICS, topicInfo } from '../../core/notes/topics';
import { UAN_EXAMPLE, parseUan } from '../../core/notes/uan';
import type { Uan } from '../../core/types';
import type { WorkspaceIndex } from '../../services/types';

export interface EditingApi {
  readonly completion: vscode.CompletionItemProvider;
  readonly hover: vscode.HoverProvider;
}

export function activate(context: vscode.ExtensionContext, index: WorkspaceIndex): EditingApi {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  const completion = new FrontmatterCompletion(index);
  const hover = new FrontmatterHover(index);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(selector, completion, ':', ' ', '[', ',', '-'),
    vscode.languages.registerHoverProvider(selector, hover),
  );
  return { completion, hover };
}

class FrontmatterCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const text = frontmatterText(document, position.line);
    if (text === undefined) return undefined;
    const ctx = frontmatterContextAt(text, position.line, position.character);
    if (!ctx) return undefined;
    const range = new vscode.Range(position.line, ctx.start, position.line, position.character);
    return ctx.kind === 'key' ? this.keyItems(ctx, range, text) : this.valueItems(document, ctx, range, text);
  }

  private keyItems(ctx: Extract<FrontmatterContext, { kind: 'key' }>, range: vscode.Range, text: string): vscode.CompletionItem[] {
    const present = new Set(ctx.existingKeys);
    // A career note is offered the keys of its type too; other notes only `type` of them.
    return keysOffered(careerTypeIn(text)).filter((k) => !present.has(k.key)).map((k, i) => {
      const item = new vscode.CompletionItem(k.key, vscode.CompletionItemKind.Property);
      item.insertText = new vscode.SnippetString(k.snippet.replace('TODAY', localToday()));
      item.documentation = new vscode.MarkdownString(k.doc);
      item.range = range;
      item.sortText = String(i).padStart(2, '0');
      return item;
    });
  }

  private valueItems(document: vscode.TextDocument, ctx: Extract<FrontmatterContext, { kind: 'value' }>, range: vscode.Range, text: string): vscode.CompletionItem[] {
    const listed = new Set(ctx.listed.filter((v) => v !== ctx.prefix));
    const item = (value: string, detail: string, kind: vscode.CompletionItemKind, sort: number) => {
      const it = new vscode.CompletionItem({ label: value, description: detail }, kind);
      it.detail = detail;
      it.range = range;
      it.sortText = String(sort).padStart(3, '0');
      return it;
    };
    switch (ctx.key) {
      case 'topics':
        return TOPICS.filter((t) => !listed.has(t.key)).map((t, i) => {
          const it = item(t.key, t.label, vscode.CompletionItemKind.EnumMember, i);
          if (t.acpeCode) it.documentation = new vscode.MarkdownString(vscode.l10n.t('ACPE topic code {0}: the two digits after the format letter in a UAN.', t.acpeCode));
          return it;
        });
      case 'credentials': {
        const folder = this.index.folderOf(document.uri);
        const credentials = folder?.index.config.credentials ?? [];
        return credentials.filter((c) => !listed.has(c.id)).map((c, i) => item(c.id, c.label, vscode.CompletionItemKind.Reference, i));
      }
      case 'responsibilities':
        return careerTypeIn(text) === 'experience' ? RESPONSIBILITIES.filter((r) => !listed.has(r.id)).map((r, i) => item(r.id, r.label, vscode.CompletionItemKind.EnumMember, i)) : [];
      case 'program': {
        if (careerTypeIn(text) !== 'certificate') return [];
        const programs = Object.values(this.index.folderOf(document.uri)?.index.config.careerPrograms ?? {});
        return programs.map((p, i) => item(p.id, p.name, vscode.CompletionItemKind.Reference, i));
      }
      default: {
        if (ctx.key === 'completed' || (CAREER_DATE_KEYS.includes(ctx.key) && careerTypeIn(text))) {
          return [item(localToday(), vscode.l10n.t('Today'), vscode.CompletionItemKind.Value, 0)];
        }
        const spec = keysOffered(careerTypeIn(text)).find((k) => k.key === ctx.key);
        const values = spec && keyValues(ctx.key, careerTypeIn(text));
        if (!values || ctx.inList) return [];
        return values.map((v, i) => item(v.value, v.detail, vscode.CompletionItemKind.EnumMember, i));
      }
    }
  }
}

class FrontmatterHover implements vscode.HoverProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = frontmatterText(document, position.line);
    if (text === undefined) return undefined;
    const ctx = frontmatterContextAt(text, position.line, position.character);
    const lineText = document.lineAt(position.line).text;
    const uanValue = keyValueOnLine(lineText, 'uan');
    if (uanValue && position.character >= uanValue.start && position.character <= uanValue.end) {
      const range = new vscode.Range(position.line, uanValue.start, position.line, uanValue.end);
      // VS Code shows the value's diagnostic in this same hover: what is wrong is then not said twice.
      const diagnosed = vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'uan-malformed' && d.range.intersection(range) !== undefined);
      return new vscode.Hover(explainUan(uanValue.value, diagnosed), range);
    }
    if (ctx?.kind === 'value' && ctx.key !== 'topics') return careerHover(document, ctx.key, text, lineText, position, this.index);
    if (ctx?.kind === 'value' && ctx.key === 'topics') {
      const word = wordAt(lineText, position.character);
      const info = word && topicInfo(word.word);
      if (!word || !info) return undefined;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${escapeMarkdown(info.label)}** (\`${info.key}\`)`);
      if (info.acpeCode) md.appendMarkdown('\n\n' + vscode.l10n.t('ACPE topic code {0}: a UAN such as `…-H{0}-T` counts for this topic.', info.acpeCode));
      return new vscode.Hover(md, new vscode.Range(position.line, word.start, position.line, word.end));
    }
    return undefined;
  }
}

/** A career value's meaning: a vocabulary word's label, or a program's name, issuer, source and what is unverified. */
function careerHover(document: vscode.TextDocument, key: string, text: string, lineText: string, position: vscode.Position, index: WorkspaceIndex): vscode.Hover | undefined {
  const type = careerTypeIn(text);
  const word = wordAt(lineText, position.character);
  if (!word || (key !== 'type' && !type)) return undefined;
  const range = new vscode.Range(position.line, word.start, position.line, word.end);
  const md = new vscode.MarkdownString();
  if (key === 'program' && type === 'certificate') {
    const programs = index.folderOf(document.uri)?.index.config.careerPrograms;
    if (!programs || !Object.hasOwn(programs, word.word)) return undefined;
    const program = programs[word.word];
    md.appendMarkdown(`**${escapeMarkdown(program.name)}** (\`${program.id}\`)\n\n`);
    md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Awarded by {0}. Source: {1} (as of {2}).', program.issuer, program.source, program.asOf || '-')));
    if (program.verify) md.appendMarkdown('\n\n' + escapeMarkdown(vscode.l10n.t('Unverified: {0}', program.verify)));
    return new vscode.Hover(md, range);
  }
  const info = careerWordInfo(key, word.word, type);
  if (!info) return undefined;
  md.appendMarkdown(`**${escapeMarkdown(info.label)}** (\`${info.id}\`)`);
  return new vscode.Hover(md, range);
}

/**
 * The document's text through the closing fence of its frontmatter, when `line` is inside that block; undefined
 * otherwise. Only the head of the file is read (the fence rule is the reader's, fence.ts), so typing in the body
 * of a long note costs nothing.
 */
function frontmatterText(document: vscode.TextDocument, line: number): string | undefined {
  const last = Math.min(document.lineCount, 2000);
  const head = document.getText(new vscode.Range(0, 0, last, 0));
  const fence = findFence(head);
  if (!fence || fence.closeLine === -1 || line < 1 || line >= fence.closeLine) return undefined;
  return head.slice(0, fence.bodyStart);
}

/**
 * A Markdown explanation of each segment of a UAN. For text that is not one: what is wrong (unless a diagnostic
 * on the value already says it), the fix when there is one, and what each part of a UAN should be.
 */
export function explainUan(text: string, diagnosed = false): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const { uan, error, fix } = parseUan(text);
  if (!uan) {
    if (!diagnosed && error) md.appendMarkdown(escapeMarkdown(error) + '\n\n');
    if (fix) md.appendMarkdown(escapeMarkdown(vscode.l10n.t('Quick fix: write it as {0}.', fix)) + '\n\n');
    md.appendMarkdown(escapeMarkdown(vscode.l10n.t('A UAN has six parts, e.g. {0}:', UAN_EXAMPLE)) + '\n');
    for (const part of uanParts()) md.appendMarkdown(`- ${escapeMarkdown(part)}\n`);
    return md;
  }
  md.appendMarkdown(`**${vscode.l10n.t('ACPE activity')} \`${uan.normalized}\`**\n\n`);
  for (const [segment, meaning] of uanSegments(uan)) md.appendMarkdown(`- \`${segment}\` ${escapeMarkdown(meaning)}\n`);
  if (uan.variants.length > 0) md.appendMarkdown('\n' + vscode.l10n.t('Written with: {0}.', escapeMarkdown(uan.variants.join(', '))));
  return md;
}

/** What each part of a UAN is, for someone who has one that does not read. */
function uanParts(): string[] {
  return [
    vscode.l10n.t('0145: the provider number (4 digits)'),
    vscode.l10n.t('0000: 0000 for one provider, 9999 for joint providers'),
    vscode.l10n.t('24: the year of release (2 digits)'),
    vscode.l10n.t("101: the provider's sequence number (3 digits)"),
    vscode.l10n.t('H07: the format (L live, H home study, B blended) and the two-digit topic code'),
    vscode.l10n.t('T: for technicians (P: for pharmacists)'),
  ];
}

function uanSegments(uan: Uan): Array<[string, string]> {
  const formats: Record<Uan['formatLetter'], string> = {
    L: vscode.l10n.t('live'),
    H: vscode.l10n.t('home study'),
    B: vscode.l10n.t('blended (not verified)'),
  };
  const topic = uan.topic ? topicInfo(uan.topic) : undefined;
  // Segments as written in the canonical form, so the hover shows exactly what the user can compare.
  const [provider, joint, year, sequence, ftt, audience] = uan.normalized.split('-');
  return [
    [provider ?? uan.provider, vscode.l10n.t('provider number')],
    [joint ?? '', uan.joint ? vscode.l10n.t('joint providership') : vscode.l10n.t('single provider')],
    [year ?? uan.year, vscode.l10n.t('released in 20{0}', uan.year)],
    [sequence ?? uan.sequence, vscode.l10n.t("provider's sequence number")],
    [ftt?.slice(0, 1) ?? uan.formatLetter, formats[uan.formatLetter] ?? uan.formatLetter],
    [ftt?.slice(1) ?? uan.topicCode, topic ? vscode.l10n.t('topic: {0} ({1})', topic.label, topic.key) : vscode.l10n.t('topic code not in the known list')],
    [audience ?? uan.audienceLetter, uan.audience === 'technician' ? vscode.l10n.t('for technicians') : vscode.l10n.t('for pharmacists (PTCB counts at most 5 h)')],
  ];
}

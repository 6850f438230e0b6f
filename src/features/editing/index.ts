// Help while writing a note's frontmatter: completion for keys and values, hovers that explain a UAN and topic
// keys. Only between the frontmatter fences: the body is the user's own Markdown.
import * as vscode from 'vscode';
import { localToday } from '../../core/common/dates';
import { frontmatterContextAt, keyValueOnLine, wordAt, type FrontmatterContext } from '../../core/notes/note-edit';
import { TOPICS, topicInfo } from '../../core/notes/topics';
import { parseUan } from '../../core/notes/uan';
import type { Uan } from '../../core/types';
import type { CeIndex } from '../../services/types';

interface KeyDoc {
  key: string;
  /** What goes after `key: ` when the completion is accepted (a snippet). */
  snippet: string;
  doc: string;
}

// The note format's keys, in the order a note usually has them.
const KEYS: readonly KeyDoc[] = [
  { key: 'title', snippet: 'title: $0', doc: 'Activity title as on the certificate.' },
  { key: 'ce_hours', snippet: 'ce_hours: $0', doc: 'Contact hours earned (a number, e.g. `1.5`). A note with `ce_hours` or `ceu` is a CE note.' },
  { key: 'ceu', snippet: 'ceu: $0', doc: 'Continuing-education units: 1 CEU = 10 contact hours (`0.3` = 3 h). Use instead of `ce_hours`.' },
  { key: 'topics', snippet: 'topics: [$0]', doc: 'Topic keys such as `law`, `patient-safety`. A UAN topic code adds its topic automatically.' },
  { key: 'status', snippet: 'status: ${1|completed,planned,in-progress|}', doc: '`completed` (counts), `planned` or `in-progress` (does not count yet). Default: completed when `completed` is set.' },
  { key: 'completed', snippet: 'completed: ${1:' + 'TODAY' + '}', doc: 'Completion date, `YYYY-MM-DD`. Credit counts in the cycle containing this date.' },
  { key: 'uan', snippet: 'uan: $0', doc: 'ACPE Universal Activity Number `PPPP-JJJJ-YY-NNN-FTT-A`, e.g. `0145-0000-24-101-H07-T`.' },
  { key: 'provider', snippet: 'provider: $0', doc: 'Who offered the activity (an audit asks for it).' },
  { key: 'format', snippet: 'format: ${1|home-study,live|}', doc: '`live` or `home-study`. Taken from the UAN when there is one.' },
  { key: 'audience', snippet: 'audience: ${1|technician,pharmacist|}', doc: '`technician` or `pharmacist`. PTCB accepts at most 5 h of pharmacist CE per cycle.' },
  { key: 'category', snippet: 'category: ${1|ce,college,in-service,volunteering|}', doc: '`ce` (default), `college`, `in-service` or `volunteering`; some rules limit or refuse some categories.' },
  { key: 'credentials', snippet: 'credentials: [$0]', doc: 'Credential ids from `.pharmacy-ce.json` this note counts toward. Absent: every credential.' },
  { key: 'certificate', snippet: 'certificate: $0', doc: 'Path of the certificate file, relative to the note. Audits can ask for it years later.' },
  { key: 'cpe_monitor', snippet: 'cpe_monitor: ${1|true,false|}', doc: '`true` once you have seen the credit in NABP CPE Monitor.' },
  { key: 'tags', snippet: 'tags: [$0]', doc: 'Your own tags; not used by the rules.' },
];

const VALUES: Record<string, ReadonlyArray<readonly [value: string, detail: string]>> = {
  status: [
    ['completed', 'Done: counts toward your credentials'],
    ['planned', 'Not done yet: shown, not counted'],
    ['in-progress', 'Started: shown, not counted'],
  ],
  format: [
    ['live', 'Live (ACPE format L)'],
    ['home-study', 'Home study (ACPE format H)'],
  ],
  audience: [
    ['technician', 'Technician-specific (ACPE audience T)'],
    ['pharmacist', 'Pharmacist CE (ACPE audience P)'],
  ],
  category: [
    ['ce', 'Accredited continuing education'],
    ['college', 'College course'],
    ['in-service', 'Employer in-service training'],
    ['volunteering', 'Approved volunteering'],
  ],
  cpe_monitor: [
    ['true', 'Seen in NABP CPE Monitor'],
    ['false', 'Not seen in CPE Monitor yet'],
  ],
};

export interface EditingApi {
  readonly completion: vscode.CompletionItemProvider;
  readonly hover: vscode.HoverProvider;
}

export function activate(context: vscode.ExtensionContext, index: CeIndex): EditingApi {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  const completion = new FrontmatterCompletion(index);
  const hover = new FrontmatterHover();
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(selector, completion, ':', ' ', '[', ',', '-'),
    vscode.languages.registerHoverProvider(selector, hover),
  );
  return { completion, hover };
}

class FrontmatterCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly index: CeIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const text = frontmatterText(document, position.line);
    if (text === undefined) return undefined;
    const ctx = frontmatterContextAt(text, position.line, position.character);
    if (!ctx) return undefined;
    const range = new vscode.Range(position.line, ctx.start, position.line, position.character);
    return ctx.kind === 'key' ? this.keyItems(ctx, range) : this.valueItems(document, ctx, range);
  }

  private keyItems(ctx: Extract<FrontmatterContext, { kind: 'key' }>, range: vscode.Range): vscode.CompletionItem[] {
    const present = new Set(ctx.existingKeys);
    return KEYS.filter((k) => !present.has(k.key)).map((k, i) => {
      const item = new vscode.CompletionItem(k.key, vscode.CompletionItemKind.Property);
      item.insertText = new vscode.SnippetString(k.snippet.replace('TODAY', localToday()));
      item.documentation = new vscode.MarkdownString(k.doc);
      item.range = range;
      item.sortText = String(i).padStart(2, '0');
      return item;
    });
  }

  private valueItems(document: vscode.TextDocument, ctx: Extract<FrontmatterContext, { kind: 'value' }>, range: vscode.Range): vscode.CompletionItem[] {
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
          if (t.acpeCode) it.documentation = new vscode.MarkdownString(vscode.l10n.t('ACPE topic code `{0}` (the `TT` of a UAN).', t.acpeCode));
          return it;
        });
      case 'credentials': {
        const folder = this.index.folderOf(document.uri);
        const credentials = folder?.workspace.config.credentials ?? [];
        return credentials.filter((c) => !listed.has(c.id)).map((c, i) => item(c.id, c.label, vscode.CompletionItemKind.Reference, i));
      }
      case 'completed': {
        const today = localToday();
        const it = item(today, vscode.l10n.t('Today'), vscode.CompletionItemKind.Value, 0);
        return [it];
      }
      default: {
        const values = Object.hasOwn(VALUES, ctx.key) ? VALUES[ctx.key] : undefined;
        if (!values || ctx.inList) return [];
        return values.map(([v, d], i) => item(v, d, vscode.CompletionItemKind.EnumMember, i));
      }
    }
  }
}

class FrontmatterHover implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = frontmatterText(document, position.line);
    if (text === undefined) return undefined;
    const ctx = frontmatterContextAt(text, position.line, position.character);
    const lineText = document.lineAt(position.line).text;
    const uanValue = keyValueOnLine(lineText, 'uan');
    if (uanValue && position.character >= uanValue.start && position.character <= uanValue.end) {
      const range = new vscode.Range(position.line, uanValue.start, position.line, uanValue.end);
      return new vscode.Hover(explainUan(uanValue.value), range);
    }
    if (ctx?.kind === 'value' && ctx.key === 'topics') {
      const word = wordAt(lineText, position.character);
      const info = word && topicInfo(word.word);
      if (!word || !info) return undefined;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${escapeMd(info.label)}** (\`${info.key}\`)`);
      if (info.acpeCode) md.appendMarkdown('\n\n' + vscode.l10n.t('ACPE topic code {0}: a UAN such as `…-H{0}-T` counts for this topic.', info.acpeCode));
      return new vscode.Hover(md, new vscode.Range(position.line, word.start, position.line, word.end));
    }
    return undefined;
  }
}

/**
 * The document's text through the closing fence of its frontmatter, when `line` is inside that block; undefined
 * otherwise. Only the head of the file is read, so typing in the body of a long note costs nothing.
 */
function frontmatterText(document: vscode.TextDocument, line: number): string | undefined {
  if (document.lineCount < 2 || document.lineAt(0).text.replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  const last = Math.min(document.lineCount, 2000);
  for (let i = 1; i < last; i++) {
    const t = document.lineAt(i).text.trimEnd();
    if (t === '---' || t === '...') return line > 0 && line < i ? document.getText(new vscode.Range(0, 0, i, document.lineAt(i).text.length)) : undefined;
  }
  return undefined;
}

/** A Markdown explanation of each segment of a UAN, or why it is not one. */
export function explainUan(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const { uan, error } = parseUan(text);
  if (!uan) {
    md.appendMarkdown(vscode.l10n.t('**Not an ACPE activity number**: {0}', escapeMd(error ?? text)));
    md.appendMarkdown('\n\n' + vscode.l10n.t('Expected `PPPP-JJJJ-YY-NNN-FTT-A`, e.g. `0145-0000-24-101-H07-T`.'));
    return md;
  }
  md.appendMarkdown(`**${vscode.l10n.t('ACPE activity')} \`${uan.normalized}\`**\n\n`);
  for (const [segment, meaning] of uanSegments(uan)) md.appendMarkdown(`- \`${segment}\` ${escapeMd(meaning)}\n`);
  if (uan.variants.length > 0) md.appendMarkdown('\n' + vscode.l10n.t('Written with: {0}.', escapeMd(uan.variants.join(', '))));
  return md;
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

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

// What @vscode/l10n-dev can extract, checked on the source with the TypeScript compiler: it silently drops a
// message that is not one plain string literal, so such a string would stay English in every language. And
// the adapters pass no English sentence straight to the editor's user-facing APIs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const ALLOWED = path.join(ROOT, 'test/unit/l10n-allowed.json');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function where(node: ts.Node): string {
  const source = node.getSourceFile();
  const { line, character } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${source.fileName}:${line + 1}:${character + 1}`;
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

/** `l10n.t(...)` or `vscode.l10n.t(...)`: the calls @vscode/l10n-dev extracts. */
function isTranslateCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') return false;
  const target = node.expression.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n' && ts.isIdentifier(target.expression) && target.expression.text === 'vscode');
}

/** One plain string literal, or `{ message: '...', comment: ... }` with one. */
function isExtractable(arg: ts.Expression | undefined): boolean {
  if (arg === undefined) return false;
  if (ts.isStringLiteral(arg)) return true;
  if (!ts.isObjectLiteralExpression(arg)) return false;
  const message = arg.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'message');
  return message !== undefined && ts.isPropertyAssignment(message) && ts.isStringLiteral(message.initializer);
}

/** Inside a function: a message made when the module loads would be made before the bundle is loaded. */
function inFunction(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n)) return true;
  return false;
}

/** English text the user would read: two or more words, the first capitalised. */
const SENTENCE = /^\s*[A-Z][\w'’-]*[ ,:]+[A-Za-z{]/;

/** The literal text an expression shows as it stands (through ?:, +, parentheses, template heads). */
function literalTexts(node: ts.Expression): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ node, text: node.text }];
  if (ts.isTemplateExpression(node)) return [{ node, text: node.head.text + node.templateSpans.map((s, i) => `{${i}}${s.literal.text}`).join('') }];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  }
  return [];
}

/** Calls whose arguments (all, or the given positions) are shown to the user. */
const SHOWN_ARGUMENTS = new Map<string, number[] | 'all'>([
  ['showInformationMessage', 'all'],
  ['showWarningMessage', 'all'],
  ['showErrorMessage', 'all'],
  ['createWebviewPanel', [1]],
  ['TreeItem', [0]],
]);
/** Properties shown to the user: in an options or item object, or set on a tree item, status bar item, picker or panel. */
const SHOWN_PROPERTIES = new Set(['label', 'description', 'detail', 'tooltip', 'text', 'title', 'placeHolder', 'placeholder', 'prompt', 'message']);

/** `message` in `l10n.t({ message: '...', comment: [...] })`: the message being translated, not a text shown as is. */
function isTranslatedMessage(node: ts.PropertyAssignment): boolean {
  const call = node.parent.parent;
  return node.name.getText() === 'message' && ts.isCallExpression(call) && call.arguments[0] === node.parent && /(^|\.)l10n\.t$/.test(call.expression.getText());
}

function userFacingTexts(source: ts.SourceFile): { node: ts.Node; text: string }[] {
  const found: { node: ts.Node; text: string }[] = [];
  visit(source, (node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const shown = SHOWN_ARGUMENTS.get(name);
      const args = node.arguments ?? [];
      if (shown) args.forEach((arg, i) => (shown === 'all' || shown.includes(i)) && found.push(...literalTexts(arg)));
    }
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && SHOWN_PROPERTIES.has(node.name.text) && !isTranslatedMessage(node)) found.push(...literalTexts(node.initializer));
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && SHOWN_PROPERTIES.has(node.left.name.text)) found.push(...literalTexts(node.right));
  });
  return found.filter((f) => SENTENCE.test(f.text));
}

/** The few exceptions, each with its reason: `text` is the literal (sentence) or the whole call (extractable). */
interface Allowed {
  check: 'sentence' | 'extractable';
  file: string;
  text: string;
  reason: string;
}

function allowList(check?: Allowed['check']): Allowed[] {
  const all: Allowed[] = JSON.parse(fs.readFileSync(ALLOWED, 'utf8'));
  return check ? all.filter((a) => a.check === check) : all;
}

describe('l10n: source strings', () => {
  const all = sourceFiles('src').map(parse);

  it('every l10n.t / vscode.l10n.t message is one plain string literal (else npm run l10n drops it)', () => {
    const allowed = allowList('extractable');
    const bad = all.flatMap((source) => {
      const found: string[] = [];
      visit(source, (node) => {
        if (isTranslateCall(node) && !isExtractable(node.arguments[0]) && !allowed.some((a) => a.file === source.fileName && a.text === node.getText())) {
          found.push(`${where(node)}: ${node.getText()}`);
        }
      });
      return found;
    });
    assert.deepEqual(bad, [], `messages npm run l10n cannot extract (write one '...' literal with {0} placeholders):\n${bad.join('\n')}`);
  });

  it('no message is translated when its module loads (the bundle is loaded at activation)', () => {
    const bad = all.flatMap((source) => {
      const found: string[] = [];
      visit(source, (node) => {
        if (isTranslateCall(node) && !inFunction(node)) found.push(`${where(node)}: ${node.arguments[0]?.getText()}`);
      });
      return found;
    });
    assert.deepEqual(bad, [], `translate inside a function, not in a module-level constant:\n${bad.join('\n')}`);
  });

  it('the adapters pass no English sentence straight to a message, picker, tree item, status bar item or panel title', () => {
    const allowed = allowList('sentence');
    const adapters = all.filter((s) => /^src\/(features|services|ui)\//.test(s.fileName) || s.fileName === 'src/extension.ts');
    const offenders = adapters
      .flatMap((source) => userFacingTexts(source))
      .filter((f) => !allowed.some((a) => a.file === f.node.getSourceFile().fileName && a.text === f.text))
      .map((f) => `${where(f.node)}: ${JSON.stringify(f.text)}`);
    assert.deepEqual(offenders, [], `wrap these in vscode.l10n.t (or add them to test/unit/l10n-allowed.json with a reason):\n${offenders.join('\n')}`);
  });

  it('the webview scripts write no English of their own: the host sends every text, translated', () => {
    const scripts = all.filter((s) => s.fileName.startsWith('src/webview/'));
    assert.ok(scripts.length >= 3, 'the dashboard, review and printable-view scripts');
    const texts = scripts.flatMap((source) => {
      const found: string[] = [];
      visit(source, (node) => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
          found.push(...literalTexts(node).filter((f) => SENTENCE.test(f.text)).map((f) => `${where(f.node)}: ${JSON.stringify(f.text)}`));
        }
      });
      return found;
    });
    assert.deepEqual(texts, []);
  });

  it('the allow-list names only texts that are still in the source, each with a reason', () => {
    for (const a of allowList()) {
      assert.ok(a.reason.trim().length > 10, `a reason for ${a.text}`);
      assert.ok(fs.readFileSync(path.join(ROOT, a.file), 'utf8').includes(a.text), `${a.file} still has ${JSON.stringify(a.text)}`);
    }
  });
});

describe('l10n: the source check itself', () => {
  const check = (code: string) => {
    const source = ts.createSourceFile('src/features/x.ts', code, ts.ScriptTarget.Latest, true);
    const calls: boolean[] = [];
    visit(source, (node) => isTranslateCall(node) && calls.push(isExtractable(node.arguments[0])));
    return { calls, shown: userFacingTexts(source).map((f) => f.text) };
  };

  it('tells extractable messages from those npm run l10n drops', () => {
    assert.deepEqual(check("vscode.l10n.t('Hi {0}', x); l10n.t({ message: 'Hi', comment: ['c'] });").calls, [true, true]);
    assert.deepEqual(check('vscode.l10n.t(`Hi ${x}`); l10n.t(\'a\' + \'b\'); l10n.t(text);').calls, [false, false, false]);
  });

  it('finds English sentences passed to user-facing APIs, and leaves translated ones and single words', () => {
    const { shown } = check(`
      vscode.window.showInformationMessage('Open a folder first.', 'Open');
      vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first.'));
      item.tooltip = done ? 'All done here' : vscode.l10n.t('Not yet');
      const pick = { label: \`Review \${n} cards\`, description: 'h' };
      new vscode.TreeItem('Next credential', collapsed);
      panel.title = 'Pharmacy CE';
    `);
    assert.deepEqual(shown, ['Open a folder first.', 'All done here', 'Review {0} cards', 'Next credential', 'Pharmacy CE']);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The browser's own dialogs never appear in this app: Electron does not implement `prompt`, and `confirm`/`alert`
 * block the page mid-meeting. Every question goes through renderer/ui/Dialog.tsx. Checked on the syntax tree of
 * every renderer file, so comments and strings that mention them do not count, and `window.confirm`,
 * `globalThis.alert`, `self.prompt`, `window['confirm']` and a bare `confirm(…)` all do.
 */
const ROOT = path.resolve(__dirname, '../..');
const BANNED = new Set(['prompt', 'confirm', 'alert']);
const GLOBALS = new Set(['window', 'globalThis', 'self', 'top', 'parent']);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel));
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(rel);
  }
  return out;
}

export function browserDialogCalls(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const nameOf = (e: ts.Expression): string | null => {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && GLOBALS.has(e.expression.text)) return e.name.text;
    if (ts.isElementAccessExpression(e) && ts.isIdentifier(e.expression) && GLOBALS.has(e.expression.text) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
    return null;
  };
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const name = nameOf(n.expression);
      // A bare identifier only counts when it is not a local (e.g. `const [dialog, confirm] = useConfirm()`).
      if (name && BANNED.has(name) && (!ts.isIdentifier(n.expression) || !declaredLocally(sf, name))) {
        const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
        found.push(`${fileName}:${line + 1} ${n.expression.getText()}(…)`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function declaredLocally(sf: ts.SourceFile, name: string): boolean {
  let yes = false;
  const visit = (n: ts.Node) => {
    if (yes) return;
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n) || ts.isBindingElement(n)) && n.name && ts.isIdentifier(n.name) && n.name.text === name) yes = true;
    if (ts.isImportSpecifier(n) && n.name.text === name) yes = true;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return yes;
}

describe('no browser dialogs in the renderer', () => {
  it('finds none in renderer/', () => {
    const calls = files('renderer').flatMap((f) => browserDialogCalls(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(calls).toEqual([]);
  });

  it('would catch each form of the call (the check itself works)', () => {
    const src = [
      "if (window.confirm('x')) {}",
      "const r = window.prompt('why?');",
      "alert('hi');",
      "globalThis['confirm']('y');",
      "self.alert('z');",
      '// window.confirm("in a comment") is fine',
      "const s = 'window.prompt(\"in a string\")';",
    ].join('\n');
    expect(browserDialogCalls('x.tsx', src)).toHaveLength(5);
    expect(browserDialogCalls('y.ts', 'const [d, confirm] = useConfirm(); confirm({});')).toEqual([]);
  });
});

/**
 * Forbidden imports, found statically before anything runs (the TypeScript parser, no type
 * checking): static `import`/`export ... from`, `import x = require()`, dynamic `import()` and
 * `require()`. For `{ from, names }` rules, a namespace (or default) import is followed to the
 * members it uses (`ns.softmax`, `ns['softmax']`, `const { softmax } = ns`).
 */
import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import { both } from '../../i18n/index.js';
import type { ExerciseProblem } from '../types.js';
import { codeFrame } from './frame.js';
import { loadTypeScript } from './typescript.js';

/** A manifest's `forbiddenImports` entry. */
export type ForbiddenImport = string | { from: string; names: string[] };

/** `node:fs` and `fs` are the same module. */
const bare = (specifier: string) => specifier.replace(/^node:/, '');

function wholeModuleRule(rules: readonly ForbiddenImport[], specifier: string): boolean {
  const spec = bare(specifier);
  return rules.some((r) => typeof r === 'string' && (spec === bare(r) || spec.startsWith(`${bare(r)}/`)));
}

function forbiddenNames(rules: readonly ForbiddenImport[], specifier: string): Set<string> {
  const names = new Set<string>();
  for (const r of rules)
    if (typeof r !== 'string' && bare(r.from) === bare(specifier)) for (const n of r.names) names.add(n);
  return names;
}

/**
 * The first forbidden import in `file` (absolute), or `null`. `shownAs` names the file in messages.
 */
export async function forbiddenImportProblem(
  file: string,
  shownAs: string,
  rules: readonly ForbiddenImport[],
): Promise<ExerciseProblem | null> {
  if (rules.length === 0) return null;
  const ts = loadTypeScript();
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(shownAs, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** Identifiers bound to a whole module that has forbidden names -> that module's specifier. */
  const namespaces = new Map<string, string>();
  let found: ExerciseProblem | null = null;

  const report = (
    node: TS.Node,
    key: 'core.static.forbiddenModule' | 'core.static.forbiddenName' | 'core.static.computedImport',
    module = '',
    name = '',
  ) => {
    if (found) return;
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    const [l, c] = [line + 1, character + 1];
    found = {
      code: 'forbidden-import',
      message: both(key, { file: shownAs, line: l, column: c, module, name }),
      file: shownAs,
      line: l,
      column: c,
      frame: codeFrame(source, l, c),
    };
  };

  const checkNames = (node: TS.Node, specifier: string, names: Iterable<string>) => {
    const forbidden = forbiddenNames(rules, specifier);
    for (const name of names)
      if (forbidden.has(name)) report(node, 'core.static.forbiddenName', specifier, name);
  };

  /** The binding that receives a module object: `const ns = require('m')`, `const { a } = await import('m')`. */
  const bindModuleValue = (call: TS.Node, specifier: string) => {
    let node = call;
    while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node)
      checkNames(parent, specifier, [parent.name.text]);
    if (ts.isVariableDeclaration(parent) && parent.initializer === node) bindName(parent.name, specifier);
  };

  const bindName = (name: TS.BindingName, specifier: string) => {
    if (ts.isIdentifier(name)) namespaces.set(name.text, specifier);
    else if (ts.isObjectBindingPattern(name))
      for (const el of name.elements) {
        const key = el.propertyName ?? el.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) checkNames(el, specifier, [key.text]);
      }
  };

  const moduleArgument = (node: TS.CallExpression): string | null | undefined => {
    const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
    if (!isImport && !isRequire) return undefined;
    const arg = node.arguments[0];
    return arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : null;
  };

  const visit = (node: TS.Node): void => {
    if (found) return;
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const specifier = node.moduleSpecifier.text;
      if (wholeModuleRule(rules, specifier)) {
        report(node, 'core.static.forbiddenModule', specifier);
        return;
      }
      if (ts.isImportDeclaration(node) && node.importClause) {
        const { name, namedBindings } = node.importClause;
        if (name) {
          checkNames(name, specifier, ['default']);
          namespaces.set(name.text, specifier);
        }
        if (namedBindings && ts.isNamespaceImport(namedBindings))
          namespaces.set(namedBindings.name.text, specifier);
        if (namedBindings && ts.isNamedImports(namedBindings))
          for (const el of namedBindings.elements)
            checkNames(el, specifier, [(el.propertyName ?? el.name).text]);
      }
      if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause))
        for (const el of node.exportClause.elements)
          checkNames(el, specifier, [(el.propertyName ?? el.name).text]);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) {
        if (wholeModuleRule(rules, expr.text)) {
          report(node, 'core.static.forbiddenModule', expr.text);
          return;
        }
        namespaces.set(node.name.text, expr.text);
      }
    } else if (ts.isCallExpression(node)) {
      const specifier = moduleArgument(node);
      if (specifier === null) {
        report(node, 'core.static.computedImport');
        return;
      }
      if (specifier !== undefined) {
        if (wholeModuleRule(rules, specifier)) {
          report(node, 'core.static.forbiddenModule', specifier);
          return;
        }
        bindModuleValue(node, specifier);
      }
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const specifier = namespaces.get(node.expression.text);
      if (specifier) checkNames(node, specifier, [node.name.text]);
    } else if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const specifier = namespaces.get(node.expression.text);
      const arg = node.argumentExpression;
      if (specifier && forbiddenNames(rules, specifier).size > 0) {
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))
          checkNames(node, specifier, [arg.text]);
        else report(node, 'core.static.forbiddenName', specifier, `${node.expression.text}[...]`);
      }
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.initializer)) {
      const specifier = namespaces.get(node.initializer.text);
      if (specifier) bindName(node.name, specifier);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Facts about TypeScript sources that `verify` needs, read with the TypeScript parser (no type
 * checking): what a module exports, and which modules it imports as values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTypeScript } from '../core/static/typescript.js';

async function parse(file: string) {
  const ts = loadTypeScript();
  const sf = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  return { ts, sf };
}

/** The names a module exports as values (functions, classes, consts, `export { a, b }`). */
export async function exportedNames(file: string): Promise<string[]> {
  const { ts, sf } = await parse(file);
  const names: string[] = [];
  const exported = (node: import('typescript').Node): boolean =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of sf.statements) {
    if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      statement.name &&
      exported(statement)
    ) {
      names.push(statement.name.text);
    } else if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause))
        for (const el of statement.exportClause.elements) if (!el.isTypeOnly) names.push(el.name.text);
    }
  }
  return [...new Set(names)];
}

/**
 * The relative modules `file` imports as values, resolved to absolute paths (as written, e.g.
 * `/x/src/softmax.js`). `import type` and `import { type A }`-only imports are not value imports.
 */
export async function valueImportsOf(file: string): Promise<string[]> {
  const { ts, sf } = await parse(file);
  const found: string[] = [];
  const add = (specifier: string) => {
    if (specifier.startsWith('.')) found.push(path.resolve(path.dirname(file), specifier));
  };
  const visit = (node: import('typescript').Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    ) {
      add(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) add(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A sign that a public check file holds the answer: where, and what. */
export interface ReferenceSign {
  line: number;
  /** `solution`: a value import from `solution/`; `sameName`: a function named as a student export. */
  kind: 'solution' | 'sameName';
  /** The import as written, or the function's name. */
  name: string;
}

/**
 * Where `file` (a check module) computes an answer itself: a value import from `solutionDir`, or a
 * function that is declared (or called by its bare name) with the name of one of `studentExports`:
 * a second `softmax` beside the student's is a reference implementation. `student.softmax(...)` in a
 * probe is a property call, not a sign.
 */
export async function referenceSigns(
  file: string,
  studentExports: readonly string[],
  solutionDir: string,
): Promise<ReferenceSign[]> {
  const { ts, sf } = await parse(file);
  const names = new Set(studentExports);
  const signs: ReferenceSign[] = [];
  const lineOf = (node: import('typescript').Node) =>
    sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const intoSolution = (specifier: string) => {
    if (!specifier.startsWith('.')) return false;
    const relative = path.relative(solutionDir, path.resolve(path.dirname(file), specifier));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  const seen = new Set<string>();
  const add = (node: import('typescript').Node, kind: ReferenceSign['kind'], name: string) => {
    const key = `${kind}:${name}`;
    if (seen.has(key)) return; // once per name and file: enough to find it
    seen.add(key);
    signs.push({ line: lineOf(node), kind, name });
  };
  const visit = (node: import('typescript').Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.importClause?.isTypeOnly &&
      intoSolution(node.moduleSpecifier.text)
    )
      add(node, 'solution', node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg) && intoSolution(arg.text)) add(node, 'solution', arg.text);
    } else if (ts.isFunctionDeclaration(node) && node.name && names.has(node.name.text))
      add(node, 'sameName', node.name.text);
    else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      names.has(node.name.text) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    )
      add(node, 'sameName', node.name.text);
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && names.has(node.expression.text))
      add(node, 'sameName', node.expression.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return signs;
}

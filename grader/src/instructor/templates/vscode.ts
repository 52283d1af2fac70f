/**
 * What a student opening the repository in VS Code (the lecture's editor) expects: the recommended
 * extensions, a `grade` task, and settings that show TypeScript errors as they type.
 */

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `.vscode/extensions.json`: Biome (format and lint), the Korean language pack, inline errors. */
export function vscodeExtensions(): string {
  return json({
    recommendations: ['biomejs.biome', 'MS-CEINTL.vscode-language-pack-ko', 'usernamehw.errorlens'],
  });
}

/** `.vscode/tasks.json`: `grade` (watch mode, the default test task) and a one-shot `grade once`. */
export function vscodeTasks(): string {
  const shared = {
    type: 'shell',
    problemMatcher: [],
    presentation: { reveal: 'always', panel: 'dedicated' },
  };
  return json({
    version: '2.0.0',
    tasks: [
      {
        label: 'grade',
        detail: 'pnpm grade --watch — 저장할 때마다 다시 채점 / regrade on every save',
        command: 'pnpm grade --watch',
        isBackground: true,
        group: { kind: 'test', isDefault: true },
        ...shared,
      },
      {
        label: 'grade once',
        detail: 'pnpm grade — 한 번 채점 / grade once',
        command: 'pnpm grade',
        group: 'test',
        ...shared,
      },
    ],
  });
}

/**
 * `.vscode/settings.json`: the workspace's TypeScript (the version the course is checked with),
 * errors of every file in the Problems panel, `.js` import suffixes, Biome formatting on save.
 */
export function vscodeSettings(): string {
  return json({
    'typescript.tsdk': 'node_modules/typescript/lib',
    'typescript.enablePromptUseWorkspaceTsdk': true,
    'typescript.validate.enable': true,
    'typescript.tsserver.experimental.enableProjectDiagnostics': true,
    'typescript.preferences.importModuleSpecifierEnding': 'js',
    'typescript.updateImportsOnFileMove.enabled': 'always',
    'editor.formatOnSave': true,
    'editor.defaultFormatter': 'biomejs.biome',
    '[typescript]': { 'editor.defaultFormatter': 'biomejs.biome' },
    '[json]': { 'editor.defaultFormatter': 'biomejs.biome' },
    'files.eol': '\n',
    'files.exclude': { '**/node_modules': true, '**/.turbo': true },
    'problems.showCurrentInStatus': true,
  });
}

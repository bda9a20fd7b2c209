'use strict';

/**
 * Figures on the plugin's code, for reviews and session notes: files over 300 lines, the longest
 * functions, and type casts (`as never`, `as unknown as`, `as any`) in plugin code and in tests.
 * Reads the sources with the TypeScript compiler's parser. Usage: node scripts/code-figures.js [--json]
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const PLUGIN = path.join(ROOT, 'plugins', 'gov-disclosure');

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return ['node_modules', 'dist'].includes(d.name) ? [] : walk(full);
    return /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [full] : [];
  });

const pluginFiles = ['server/src', 'admin/src', 'shared'].flatMap((d) => walk(path.join(PLUGIN, d)));
const testFiles = walk(path.join(ROOT, 'tests'));

const rel = (f) => path.relative(ROOT, f);

const functionsOf = (file) => {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      let name = '(anonymous)';
      if (node.name) name = node.name.getText();
      else if (node.parent && ts.isVariableDeclaration(node.parent)) name = node.parent.name.getText();
      else if (node.parent && ts.isPropertyAssignment(node.parent)) name = node.parent.name.getText();
      found.push({ file: rel(file), name, line: start, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

/** A function's own length: its lines minus those of the functions nested in it (a factory is not one long function). */
const ownLengths = (fns) =>
  fns.map((f) => {
    const nested = fns.filter((g) => g !== f && g.file === f.file && g.line > f.line && g.line + g.lines <= f.line + f.lines);
    const outer = nested.filter((g) => !nested.some((h) => h !== g && g.line > h.line && g.line + g.lines <= h.line + h.lines));
    return { ...f, own: f.lines - outer.reduce((n, g) => n + g.lines, 0) };
  });

const casts = (files) => {
  const counts = { 'as never': 0, 'as unknown as': 0, 'as any': 0 };
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    counts['as never'] += (text.match(/\bas never\b/g) ?? []).length;
    counts['as unknown as'] += (text.match(/\bas unknown as\b/g) ?? []).length;
    counts['as any'] += (text.match(/\bas any\b/g) ?? []).length;
  }
  return counts;
};

const serverFiles = pluginFiles.filter((f) => f.includes(`${path.sep}server${path.sep}`));
const functions = ownLengths(serverFiles.flatMap(functionsOf)).sort((a, b) => b.own - a.own);
const lines = (f) => fs.readFileSync(f, 'utf8').split('\n').length;
const figures = {
  filesOver300: pluginFiles
    .map((f) => ({ file: rel(f), lines: lines(f) }))
    .filter((f) => f.lines > 300)
    .sort((a, b) => b.lines - a.lines),
  longestServerFunctions: functions.slice(0, 8).map(({ file, name, line, own }) => ({ file, name, line, lines: own })),
  serverFunctionsOver60: functions.filter((f) => f.own > 60).length,
  casts: { plugin: casts(pluginFiles), tests: casts(testFiles) },
};

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  console.log('files over 300 lines (plugin):');
  for (const f of figures.filesOver300) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}`);
  console.log(`server functions over 60 lines (own lines, nested functions excluded): ${figures.serverFunctionsOver60}`);
  for (const f of figures.longestServerFunctions) console.log(`  ${String(f.lines).padStart(5)}  ${f.name} (${f.file}:${f.line})`);
  console.log('casts:', JSON.stringify(figures.casts));
}

// An esbuild plugin for apps/esbuild-app.mjs: imports of a library's public door (`@sparkify/<name>`, its
// src/index.ts, a list of `export { … } from './file.js'`) are rewritten to import each name from the file that
// defines it.
//
// Why: with code splitting, esbuild puts a file in the start-up chunk when any file the start-up code reaches
// imports it, whether or not the imported names are used (it follows import records file by file). A start-up file
// that imports `configureProgram` from @sparkify/cli reaches the index, and through it failure.ts, the pipeline,
// Kysely, zod and the AWS SDK: 1 MB parsed before `--help` prints. Importing from the defining file, start-up
// reaches only what it uses, and the rest loads with the command (a lazy `import()`).
// Type-only names are dropped (esbuild erases them anyway); a name the index does not list plainly (`export *`)
// stays on the index. Line numbers stay the same, so the source maps still point at the right lines.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

const RE_EXPORT = /export\s+(type\s+)?\{([^}]*)\}\s*from\s*['"](\.[^'"]+)['"]/g;
const IMPORT = /(import|export)\s+(type\s+)?\{([^}]*)\}\s*from\s*['"](@sparkify\/[\w-]+)['"]\s*;?/g;

/** `a`, `type a`, `a as b` → { name: 'a', alias: 'b', type }. */
const specifiers = (list) =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const type = /^type\s/.test(s);
      const [name, alias = name] = s.replace(/^type\s+/, '').split(/\s+as\s+/);
      return { name, alias, type };
    });

/** The name → { file, name } table of one library index, or undefined when it is not a plain re-export list. */
function readIndex(indexFile) {
  if (!existsSync(indexFile)) return undefined;
  const table = new Map();
  for (const [, typeOnly, list, from] of readFileSync(indexFile, 'utf8').matchAll(RE_EXPORT)) {
    if (typeOnly) continue;
    const ts = resolve(dirname(indexFile), from.replace(/\.js$/, '.ts'));
    const file = existsSync(ts) ? ts : resolve(dirname(indexFile), from);
    for (const s of specifiers(list)) if (!s.type) table.set(s.alias, { file, name: s.name });
  }
  return table;
}

export function flattenBarrels(workspace) {
  const indexes = new Map();
  const indexOf = (pkg) => {
    if (!indexes.has(pkg)) indexes.set(pkg, readIndex(join(workspace, 'libs', pkg.slice('@sparkify/'.length), 'src', 'index.ts')));
    return indexes.get(pkg);
  };
  const rewrite = (statement, keyword, typeOnly, list, pkg) => {
    const table = indexOf(pkg);
    if (typeOnly || !table) return statement;
    const byFile = new Map();
    const rest = [];
    for (const s of specifiers(list)) {
      if (s.type) continue;
      const found = table.get(s.name);
      if (!found) {
        rest.push(s.name === s.alias ? s.name : `${s.name} as ${s.alias}`);
        continue;
      }
      byFile.set(found.file, [...(byFile.get(found.file) ?? []), `${found.name} as ${s.alias}`]);
    }
    const parts = [...byFile].map(([file, names]) => `${keyword} { ${names.join(', ')} } from ${JSON.stringify(file)};`);
    if (rest.length > 0) parts.push(`${keyword} { ${rest.join(', ')} } from '${pkg}';`);
    return parts.join(' ') + '\n'.repeat(statement.split('\n').length - 1);
  };
  const own = [join(workspace, 'apps') + sep, join(workspace, 'libs') + sep];
  return {
    name: 'flatten-barrels',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!own.some((root) => args.path.startsWith(root)) || args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        return { contents: source.replace(IMPORT, rewrite), loader: 'ts' };
      });
    },
  };
}

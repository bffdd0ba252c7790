import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDatabase, describeWith, postgresServer, sharedData, workspaceRoot, type TempDatabase } from '@sparkify/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our packages as a user gets them: every public package is packed from its built output, the tarballs are
// installed into a fresh folder outside the workspace (no workspace links, no node_modules above it to lean on;
// third-party packages come from the registry through npm's cache), a TypeScript consumer is type-checked under
// nodenext with skipLibCheck false, and the pipeline README's script runs on the real data.
const root = workspaceRoot();
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
interface Manifest {
  name: string;
  version: string;
  private?: boolean;
}
const publicPackages = readdirSync(join(root, 'libs'))
  .map((dir) => ({ dir: join(root, 'libs', dir), manifest: JSON.parse(readFileSync(join(root, 'libs', dir, 'package.json'), 'utf8')) as Manifest }))
  .filter((p) => p.manifest.private !== true);

/** The first ```js block of the pipeline README: the script we promise a person can paste. */
function readmeScript(): string {
  const readme = readFileSync(join(root, 'libs', 'pipeline', 'README.md'), 'utf8');
  const block = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('libs/pipeline/README.md has no ```js block to run');
  return block;
}

const server = await postgresServer();
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });

describe('every public package, packed and installed outside the workspace', () => {
  // A folder the `postgres` user could enter too (mkdtemp makes it 0700).
  const base = mkdtempSync(join(tmpdir(), 'sparkify-consumer-'));
  chmodSync(base, 0o755);
  const tarballs = join(base, 'tarballs');
  const app = join(base, 'app');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  beforeAll(() => {
    mkdirSync(tarballs);
    mkdirSync(app);
    const dependencies: Record<string, string> = {};
    for (const { dir, manifest } of publicPackages) {
      // Under nx the build runs first (dependsOn ^build); a missing build is an error, never a skip.
      if (!existsSync(join(dir, 'dist', 'index.js'))) throw new Error(`${manifest.name} is not built: run npx nx run-many -t build first`);
      const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', tarballs], dir)) as { filename: string }[];
      dependencies[manifest.name] = `file:../tarballs/${packed?.filename}`;
    }
    const devDependencies = { typescript: rootPackage.devDependencies['typescript'], '@types/node': rootPackage.devDependencies['@types/node'] };
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, devDependencies }, null, 2));
    npm(['install', '--prefer-offline', '--no-package-lock', '--loglevel=error'], app);
  }, 600_000);

  it('packs every public package, and only those', () => {
    expect(publicPackages.map((p) => p.manifest.name).sort()).toEqual(
      ['analytics', 'config', 'datagen', 'infra', 'pipeline', 'schema', 'transform', 'warehouse'].map((n) => `@sparkify/${n}`),
    );
    expect(readdirSync(tarballs)).toHaveLength(publicPackages.length);
  });

  it('installs real copies, with no link back into the workspace', () => {
    for (const { manifest } of publicPackages) {
      const installed = join(app, 'node_modules', ...manifest.name.split('/'));
      expect(readFileSync(join(installed, 'package.json'), 'utf8')).toContain(`"version": "${manifest.version}"`);
      expect(existsSync(join(installed, 'src')), `${manifest.name} ships its sources`).toBe(false);
    }
    const found = execFileSync('find', [join(app, 'node_modules'), '-type', 'l', '-lname', `${root}*`], { encoding: 'utf8' });
    expect(found).toBe('');
    // Our packages' dependencies on each other resolve to these tarballs, not to copies fetched from a registry.
    const nested = execFileSync('find', [join(app, 'node_modules'), '-mindepth', '2', '-path', '*/node_modules/@sparkify'], { encoding: 'utf8' });
    expect(nested).toBe('');
  });

  it('imports every package from plain Node', () => {
    const names = [...publicPackages.map((p) => p.manifest.name), '@sparkify/config/testing'];
    const script = `for (const n of ${JSON.stringify(names)}) { const m = await import(n); if (Object.keys(m).length === 0) throw new Error(n + ' exports nothing'); }\nconsole.log('ok');`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  });

  it('keeps test doubles out of the main entry points', async () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('@sparkify/config'); console.log(String('testConfig' in m));"], { cwd: app, encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('false');
  });

  it('type-checks a TypeScript consumer under moduleResolution nodenext with skipLibCheck false', () => {
    copyFileSync(join(import.meta.dirname, '__fixtures__', 'consumer.ts'), join(app, 'consumer.ts'));
    const compilerOptions = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, skipLibCheck: false, noEmit: true, types: ['node'] };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    const result = spawnSync(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: app, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  describeWith(sharedData('sparkify'), 'the pipeline README script on the real data', (source) => {
    describeWith(server, 'on the PostgreSQL server', (adminUrl) => {
      let db: TempDatabase | undefined;
      afterAll(() => db?.drop());

      it('loads 6,820 plays into a scratch database', async () => {
        db = await createTempDatabase(adminUrl, 'sparkify_consumer');
        writeFileSync(join(app, 'etl.mjs'), readmeScript());
        const result = spawnSync(process.execPath, ['etl.mjs'], {
          cwd: app,
          encoding: 'utf8',
          env: { PATH: process.env['PATH'], DATABASE_URL: db.url, SPARKIFY_SOURCE: source, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
          timeout: 300_000,
        });
        expect(result.stderr).toBe('');
        expect(result.stdout.trim()).toBe('6820 plays loaded, 0 record(s) rejected');
        const sql = postgres(db.url, { max: 1, onnotice: () => {} });
        try {
          const [row] = await sql<{ n: number }[]>`select count(*)::int as n from songplays`;
          expect(row?.n).toBe(6820);
        } finally {
          await sql.end({ timeout: 1 });
        }
      }, 300_000);
    });
  });
});

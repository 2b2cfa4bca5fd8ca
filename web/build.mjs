// Bundles the web front end into web/dist. Usage: node web/build.mjs [--force]
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = dirname(fileURLToPath(import.meta.url));
const srcDir = join(webDir, 'src');
const distDir = join(webDir, 'dist');
const assetsDir = join(distDir, 'assets');
const outputs = [join(distDir, 'index.html'), join(assetsDir, 'app.js')];
const force = process.argv.includes('--force');

async function newestInput(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestInput(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

async function oldestOutput() {
  try {
    return Math.min(...(await Promise.all(outputs.map(async (path) => (await stat(path)).mtimeMs))));
  } catch {
    return 0; // something is missing: build
  }
}

const started = performance.now();
const inputsChanged = Math.max(
  await newestInput(srcDir),
  (await stat(join(webDir, 'index.html'))).mtimeMs,
  (await stat(fileURLToPath(import.meta.url))).mtimeMs,
);

if (!force && (await oldestOutput()) > inputsChanged) {
  console.log(`web: web/dist is up to date, checked in ${Math.round(performance.now() - started)} ms (--force rebuilds)`);
} else {
  // Chunk names carry hashes; old ones would pile up.
  await rm(assetsDir, { recursive: true, force: true });
  await mkdir(assetsDir, { recursive: true });
  const result = await build({
    entryPoints: { app: join(srcDir, 'main.tsx') },
    outdir: assetsDir,
    bundle: true,
    // ESM with splitting lets the Traditional Chinese dictionaries load only when chosen.
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    jsx: 'automatic',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    charset: 'utf8',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  await copyFile(join(webDir, 'index.html'), join(distDir, 'index.html'));
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, out]) => `${relative(distDir, path)} ${(out.bytes / 1024).toFixed(0)} KiB`);
  console.log(`web: built in ${Math.round(performance.now() - started)} ms → ${sizes.join(', ')}`);
}

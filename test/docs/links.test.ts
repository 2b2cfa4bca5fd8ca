import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// The repository is read from a plain clone too, where nothing beside it
// exists: the domain documents it relies on live in docs/domain/, and every
// link in its documents and comments must resolve inside it.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'data']);
const TEXT = /\.(md|ts|tsx|mjs|js|sql|sh|yaml)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : TEXT.test(e.name) || p === path.join(ROOT, '.ci', 'run') ? [p] : [];
  });
}

// A folder beside the repository, or the domain documents that were kept
// there; written in pieces, so that this file does not name them itself.
const OUTSIDE = new RegExp(['\\.\\./shared', '\\bGLOSS' + 'ARY\\.md', '\\bSEED-' + 'MODELS\\b'].join('|'));

test('nothing in the repository points at documents outside it', () => {
  const found = files(ROOT).flatMap((f) =>
    readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (OUTSIDE.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(found, [], 'name the copy in docs/domain/ instead');
});

test('every relative link in the repository’s Markdown resolves to a file in it', () => {
  const broken = files(ROOT)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1]!)
        .filter((href) => !/^([a-z]+:|#)/.test(href))
        .filter((href) => {
          const target = path.resolve(path.dirname(f), href.split('#')[0]!);
          return !target.startsWith(ROOT + path.sep) || !existsSync(target);
        })
        .map((href) => `${path.relative(ROOT, f)}: ${href}`),
    );
  assert.deepEqual(broken, []);
});

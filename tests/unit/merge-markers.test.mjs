// No file of the repository holds a merge's conflict markers. A conflict resolved in a hurry can
// leave `<<<<<<<` / `=======` / `>>>>>>>` lines in a document, which no build or other test reads
// (one was found in docs/layout.md and one in docs/storage.md after merges). Reads every file git
// tracks, as text, except binary ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The 1-based line numbers in `text` that are conflict markers. */
export function markerLines(text) {
  return text.split('\n').flatMap((line, i) => (/^(<{7} |>{7} |={7}$|\|{7} )/.test(line) ? [i + 1] : []));
}

test('a conflict block is found where there is one, and nowhere in plain text', () => {
  assert.deepEqual(markerLines('a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> branch\nd'), [2, 4, 6]);
  assert.deepEqual(markerLines('a heading\n=========\n<<<<<< six is not a marker\n `=======` quoted'), []);
});

test('no tracked file holds conflict markers', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  assert.ok(files.length > 100, 'git listed the repository');
  const found = [];
  for (const file of files) {
    let bytes;
    try {
      bytes = readFileSync(path.join(ROOT, file));
    } catch {
      continue; // listed but deleted in the work tree
    }
    if (bytes.includes(0)) continue; // binary
    for (const line of markerLines(bytes.toString('utf8'))) found.push(`${file}:${line}`);
  }
  assert.deepEqual(found, []);
});

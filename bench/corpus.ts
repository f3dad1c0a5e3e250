// The benchmark corpus, generated from a fixed seed into bench/corpus/ (git-ignored): service files
// of a given length with a given number of Leonardo requests, 1,000 JSON request files, and a
// 1,000-file project where one file in ten calls Leonardo.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ORDINARY_BLOCKS, ORDINARY_HEADER } from './code-blocks.js';
import {
  curlScript,
  generationJson,
  httpFile,
  LEONARDO_BLOCKS,
  LEONARDO_HEADER,
  markdownPage,
  otherJson,
} from './leonardo-blocks.js';
import { CORPUS_DIR } from './paths.js';
import { Random } from './random.js';

export const SEED = 20240607;

const lineCount = (text: string) => text.split('\n').length - 1;

/**
 * A TypeScript service file of exactly `lines` lines with `requests` Leonardo requests spread evenly
 * through ordinary code. With no requests the file never mentions Leonardo.
 */
export function serviceFile(r: Random, lines: number, requests: number): string {
  const header = ORDINARY_HEADER + (requests > 0 ? LEONARDO_HEADER : '');
  const calls = Array.from({ length: requests }, (_, i) => r.pick(LEONARDO_BLOCKS)(r, i));
  let budget = lines - lineCount(header) - calls.reduce((n, c) => n + lineCount(c), 0);
  const ordinary: string[] = [];
  for (let n = 0; ; n++) {
    const block = r.pick(ORDINARY_BLOCKS)(r, 1000 + n);
    if (lineCount(block) > budget) break;
    ordinary.push(block);
    budget -= lineCount(block);
  }
  const parts = [header];
  let next = 0;
  ordinary.forEach((block, i) => {
    parts.push(block);
    while (next < calls.length && (next + 0.5) * ordinary.length <= (i + 1) * calls.length) parts.push(calls[next++]);
  });
  while (next < calls.length) parts.push(calls[next++]);
  for (let i = 0; i < budget; i++) parts.push(`export const limit${i} = ${r.int(1, 999)};\n`);
  return parts.join('');
}

export interface JsonCorpus {
  dir: string;
  /** Folder (relative to `dir`) → endpoint, as `requestFiles` globs take it. */
  endpoints: Record<string, string>;
  files: string[];
}

/** `count` request JSON files: most for POST /generations, the rest for four smaller endpoints. */
export function writeJsonCorpus(r: Random, dir: string, count: number): JsonCorpus {
  const endpoints: Record<string, string> = { generations: 'POST /generations' };
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    let folder = 'generations';
    let text: string;
    if (r.chance(0.7)) text = generationJson(r);
    else {
      const other = otherJson(r);
      endpoints[other.folder] = other.endpoint;
      folder = other.folder;
      text = other.text;
    }
    const file = path.join(dir, folder, `request-${String(i).padStart(4, '0')}.json`);
    write(file, text);
    files.push(file);
  }
  return { dir, endpoints, files };
}

/** A project of `count` files (TS, TSX, JS, JSON, Markdown, shell, .http), one in ten calling Leonardo. */
export function writeProject(r: Random, dir: string, count: number): string[] {
  const files: string[] = [];
  const areas = ['api', 'services', 'lib', 'jobs', 'components', 'utils', 'routes', 'workers'];
  const leonardoEvery = 10;
  for (let i = 0; i < count; i++) {
    const calls = i % leonardoEvery === 3;
    const area = areas[i % areas.length];
    const sub = `m${Math.floor(i / 40)}`;
    const roll = r.next();
    let name: string;
    let text: string;
    if (roll < 0.72) {
      name = `${area}-${i}.${r.chance(0.15) ? 'js' : 'ts'}`;
      text = serviceFile(r, r.int(40, 320), calls ? r.int(1, 3) : 0);
    } else if (roll < 0.8) {
      name = `${area}-view-${i}.tsx`;
      text = component(r, i);
      if (calls) text = serviceFile(r, r.int(60, 200), 1);
    } else if (roll < 0.92) {
      name = calls ? `preset-${i}.leonardo.json` : `fixture-${i}.json`;
      text = calls ? generationJson(r) : fixtureJson(r, i);
    } else if (roll < 0.96) {
      name = `notes-${i}.md`;
      text = markdownPage(r, calls);
    } else if (roll < 0.98) {
      name = `script-${i}.sh`;
      text = calls ? curlScript(r) : `#!/usr/bin/env bash\nset -e\nnpm run build\nrsync -a dist/ deploy@example.com:/srv/app-${i}/\n`;
    } else {
      name = `requests-${i}.http`;
      text = calls ? httpFile(r) : `GET https://api.example.com/health\n\n###\nGET https://api.example.com/items/${i}\n`;
    }
    const file = path.join(dir, area, sub, name);
    write(file, text);
    files.push(file);
  }
  return files;
}

function component(r: Random, i: number): string {
  const rows = Array.from({ length: r.int(3, 12) }, (_, k) => `        <li key="${k}" className="row">{items[${k}]?.name ?? 'n/a'}</li>`).join('\n');
  return `import { useEffect, useState } from 'react';

export function Panel${i}({ title, load }: { title: string; load: () => Promise<Array<{ name: string }>> }) {
  const [items, setItems] = useState<Array<{ name: string }>>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setItems).catch((e: Error) => setError(e.message));
  }, [load]);
  if (error) return <p role="alert">{error}</p>;
  return (
    <section>
      <h2>{title}</h2>
      <ul>
${rows}
      </ul>
    </section>
  );
}
`;
}

function fixtureJson(r: Random, i: number): string {
  const items = Array.from({ length: r.int(2, 20) }, (_, k) => ({ id: `${i}-${k}`, name: `item ${k}`, price: r.int(1, 999), tags: ['a', 'b'] }));
  return JSON.stringify({ name: `fixture-${i}`, version: 1, items }, null, 2) + '\n';
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export interface Corpus {
  ts2k: string;
  ts20k: string;
  plain2k: string;
  json: JsonCorpus;
  projectDir: string;
  projectFiles: string[];
  /** A small TS file with one request, for start-up. */
  small: string;
}

/** Generate (or regenerate: the output is the same for the same seed) the whole corpus. */
export function generateCorpus(): Corpus {
  // Only what is generated here is removed: the bench's own bundle lives in the same folder.
  for (const name of ['service-2k.ts', 'service-20k.ts', 'plain-2k.ts', 'small.ts', 'requests', 'project']) {
    fs.rmSync(path.join(CORPUS_DIR, name), { recursive: true, force: true });
  }
  const r = new Random(SEED);
  const ts2k = path.join(CORPUS_DIR, 'service-2k.ts');
  write(ts2k, serviceFile(r, 2000, 20));
  const ts20k = path.join(CORPUS_DIR, 'service-20k.ts');
  write(ts20k, serviceFile(r, 20000, 200));
  const plain2k = path.join(CORPUS_DIR, 'plain-2k.ts');
  write(plain2k, serviceFile(r, 2000, 0));
  const small = path.join(CORPUS_DIR, 'small.ts');
  write(small, serviceFile(r, 60, 1));
  const json = writeJsonCorpus(r, path.join(CORPUS_DIR, 'requests'), 1000);
  const projectDir = path.join(CORPUS_DIR, 'project');
  const projectFiles = writeProject(r, projectDir, 1000);
  return { ts2k, ts20k, plain2k, json, projectDir, projectFiles, small };
}

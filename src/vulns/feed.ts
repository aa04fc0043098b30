/**
 * Reading OSV feeds: an `all.zip` export (one JSON record per entry, as osv.dev publishes per
 * ecosystem), a directory of OSV JSON files (searched recursively), a single JSON file (one record or
 * an array), or an http(s) URL to any of those. Yields raw parsed JSON; validation happens on import.
 *
 * Failure contract: a source that cannot be opened, downloaded or unzipped throws {@link FeedError}
 * (the import stops, the store keeps its previous contents). A single entry that is not JSON is
 * yielded as an error item so the importer can report it; it never aborts the rest of the feed.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

export class FeedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedError';
  }
}

export type FeedItem = { entry: string; value: unknown } | { entry: string; error: string };
export type FeedKind = 'zip' | 'dir' | 'json' | 'url';

export function feedKind(source: string): FeedKind {
  if (/^https?:\/\//i.test(source)) return 'url';
  if (source.toLowerCase().endsWith('.zip')) return 'zip';
  if (source.toLowerCase().endsWith('.json')) return 'json';
  return 'dir';
}

function parseEntry(entry: string, text: string): FeedItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return [{ entry, error: `not valid JSON: ${(err as Error).message}` }];
  }
  return Array.isArray(value) ? value.map((v, i) => ({ entry: `${entry}[${i}]`, value: v })) : [{ entry, value }];
}

async function* readZip(file: string): AsyncGenerator<FeedItem> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: false }, (err, z) => (err ? reject(err) : resolve(z!))),
    );
  } catch (err) {
    throw new FeedError(`cannot open OSV zip ${file}: ${(err as Error).message}`, { cause: err });
  }
  const next = (): Promise<yauzl.Entry | null> =>
    new Promise((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => {
        cleanup();
        resolve(e);
      };
      const onEnd = () => {
        cleanup();
        resolve(null);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
  let ended = false;
  try {
    for (;;) {
      const entry = await next();
      if (!entry) {
        ended = true;
        return;
      }
      if (entry.fileName.endsWith('/') || !entry.fileName.toLowerCase().endsWith('.json')) continue;
      const text = await new Promise<string>((resolve, reject) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          stream.on('error', reject);
        }),
      );
      yield* parseEntry(entry.fileName, text);
    }
  } catch (err) {
    if (err instanceof FeedError) throw err;
    throw new FeedError(`cannot read OSV zip ${file}: ${(err as Error).message}`, { cause: err });
  } finally {
    // Also when the consumer stops early: release the file descriptor.
    if (!ended && zip.isOpen) zip.close();
  }
}

async function* readDir(dir: string, root = dir): AsyncGenerator<FeedItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new FeedError(`cannot read OSV directory ${dir}: ${(err as Error).message}`, { cause: err });
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* readDir(full, root);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.json')) {
      let text: string;
      try {
        text = await readFile(full, 'utf8');
      } catch (err) {
        throw new FeedError(`cannot read ${full}: ${(err as Error).message}`, { cause: err });
      }
      yield* parseEntry(path.relative(root, full), text);
    }
  }
}

async function isZipFile(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    await fh.read(buf, 0, 4, 0);
    return buf.readUInt32LE(0) === 0x04034b50;
  } finally {
    await fh.close();
  }
}

/** Downloads a URL to a temporary file (no size-unbounded buffering of a large all.zip). */
async function download(url: string, timeoutMs: number): Promise<{ file: string; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'airlock-osv-'));
  const file = path.join(dir, 'feed');
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(file));
    return { file, dir };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new FeedError(`cannot download OSV feed ${url}: ${(err as Error).message}; check the URL and network, or import a local copy with --source PATH`, { cause: err });
  }
}

/** Reads every record of a feed source. */
export async function* readFeed(source: string, opts: { timeoutMs?: number } = {}): AsyncGenerator<FeedItem> {
  const kind = feedKind(source);
  if (kind === 'url') {
    const { file, dir } = await download(source, opts.timeoutMs ?? 300_000);
    try {
      if (await isZipFile(file)) yield* readZip(file);
      else yield* parseEntry(source, await readFile(file, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return;
  }
  let st;
  try {
    st = await stat(source);
  } catch (err) {
    throw new FeedError(`cannot read OSV source ${source}: ${(err as Error).message}`, { cause: err });
  }
  if (st.isDirectory()) yield* readDir(source);
  else if (await isZipFile(source)) yield* readZip(source);
  else {
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch (err) {
      throw new FeedError(`cannot read ${source}: ${(err as Error).message}`, { cause: err });
    }
    yield* parseEntry(path.basename(source), text);
  }
}

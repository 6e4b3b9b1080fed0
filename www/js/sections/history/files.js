// The files a parent picks or drops, read on this device: a TikTok data file (user_data_tiktok.json,
// or user_data.json in older exports), Google Play's Purchase History.json and Order History.json
// (from Google Takeout), each alone or inside a ZIP at any depth. Every problem is said in plain
// words, naming the file and what was expected; nothing here talks to a network.
import { ZipError, looksLikeZip, readDirectory, readEntry } from './unzip.js';

/** Files larger than this are refused before a byte is read. */
export const MAX_FILE_BYTES = 300 * 1024 * 1024;
/** A file inside a ZIP may unpack to at most this (a JSON text this long is near a browser's limit). */
const MAX_ENTRY_BYTES = 500 * 1024 * 1024;

const TIKTOK_NAMES = ['user_data_tiktok.json', 'user_data.json'];
const KINDS = {
  tiktok: 'TikTok data file',
  purchase: 'Google Play purchase history',
  order: 'Google Play order history',
};

/** A problem with one file, worded for people (`message`), with the file's name. */
export class FileProblem extends Error {
  constructor(file, message) {
    super(message);
    this.file = file;
  }
}

const megabytes = (n) => `${Math.round(n / (1024 * 1024))} MB`;
const baseName = (path) => path.split('/').pop();

/** Which of our files a name is, or null. */
function kindOfName(name) {
  const base = baseName(name).toLowerCase();
  if (TIKTOK_NAMES.includes(base)) return 'tiktok';
  if (base === 'purchase history.json') return 'purchase';
  if (base === 'order history.json') return 'order';
  return null;
}

/** Which of our files parsed JSON looks like, or null (Google's are arrays of wrapped records). */
function kindOfJson(json) {
  if (Array.isArray(json)) {
    const first = json.find((x) => x && typeof x === 'object');
    if (first && 'purchaseHistory' in first) return 'purchase';
    if (first && 'orderHistory' in first) return 'order';
    return null;
  }
  if (json && typeof json === 'object' && ['Your Activity', 'Activity', 'Profile', 'Tiktok Live'].some((k) => k in json)) return 'tiktok';
  return null;
}

/** "line 3, column 14" for a character position in `text`. */
function lineAndColumn(text, position) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/** JSON text parsed, or a FileProblem saying where it breaks. */
export function parseJson(text, label) {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!clean.trim()) throw new FileProblem(label, `${label} is empty. Download it again.`);
  try {
    return JSON.parse(clean);
  } catch (e) {
    const message = String(e?.message ?? '');
    const position = /position (\d+)/.exec(message);
    if (position) {
      const at = Number(position[1]);
      const where = lineAndColumn(clean, at);
      const ended = at >= clean.trimEnd().length;
      throw new FileProblem(label, ended
        ? `${label} stops in the middle (at ${where}): it looks cut short. Download it again.`
        : `${label} is not readable JSON: something is wrong at ${where} (character ${at + 1}). The file may be damaged or edited; download it again.`);
    }
    if (/end of (JSON )?input|unterminated/i.test(message)) {
      throw new FileProblem(label, `${label} stops in the middle: it looks cut short. Download it again.`);
    }
    throw new FileProblem(label, `${label} is not readable JSON (${message}). Download it again.`);
  }
}

function decode(bytes) {
  return new TextDecoder('utf-8').decode(bytes);
}

/** What a ZipError means for the person, about ZIP file `label`. */
function zipProblem(label, e) {
  switch (e.code) {
    case 'truncated':
      return `${label} is incomplete or damaged (${e.message}). It may not have finished downloading: download it again.`;
    case 'encrypted':
      return `${label} is protected with a password, which this page cannot open. Unzip it on your computer and choose ${baseName(e.details.name)} instead.`;
    case 'method':
      return `${label} is packed in a way this page cannot unpack (compression method ${e.details.method}). Unzip it on your computer and choose ${baseName(e.details.name)} instead.`;
    case 'too_large':
      return `${baseName(e.details.name)} in ${label} is too large to read here (${megabytes(e.details.size)} unpacked).`;
    default:
      return `${label} could not be unpacked (${e.message}). Download it again.`;
  }
}

/**
 * The files of a ZIP we can use, as `{ kind, name, text }` (the first TikTok file by name, the
 * Google Play ones, preferring those under "Google Play Store/").
 */
async function filesInZip(file) {
  const entries = await readDirectory(file);
  const found = [];
  const pick = (kind) => {
    const all = entries.filter((e) => kindOfName(e.name) === kind);
    if (kind === 'tiktok') return TIKTOK_NAMES.map((n) => all.find((e) => baseName(e.name).toLowerCase() === n)).find(Boolean);
    return all.find((e) => e.name.includes('Google Play Store/')) ?? all[0];
  };
  for (const kind of Object.keys(KINDS)) {
    const entry = pick(kind);
    if (entry) found.push({ kind, entry });
  }
  if (!found.length) {
    const txt = entries.some((e) => /\.txt$/i.test(e.name) && /user_data|activity|purchase/i.test(e.name));
    if (txt) {
      throw new FileProblem(file.name, `${file.name} holds the TXT version of the data. This page reads the JSON version: ask TikTok for your data again and choose “JSON” as the file format.`);
    }
    const some = entries.slice(0, 3).map((e) => baseName(e.name)).join(', ');
    throw new FileProblem(file.name, `${file.name} does not hold a TikTok data file (user_data_tiktok.json or user_data.json) or a Google Play history (Purchase History.json).${some ? ` It holds ${some}${entries.length > 3 ? '…' : ''}.` : ' It is empty.'}`);
  }
  const out = [];
  for (const { kind, entry } of found) {
    const bytes = await readEntry(file, entry, { limit: MAX_ENTRY_BYTES });
    out.push({ kind, name: baseName(entry.name), from: file.name, text: decode(bytes) });
  }
  return out;
}

/**
 * Reads `files` (a FileList or array of File): `{ found: { tiktok?, purchase?, order? }, problems:
 * [FileProblem], ignored: [names] }` where each found file is `{ name, from, json }` (`from`: the
 * ZIP it came from, or null). `onStatus(text)` hears what is being read.
 */
export async function readFiles(files, onStatus = () => {}) {
  const found = {};
  const problems = [];
  const ignored = [];
  const unknown = [];
  for (const file of files) {
    try {
      if (file.size > MAX_FILE_BYTES) {
        throw new FileProblem(file.name, `${file.name} is ${megabytes(file.size)}, more than the ${megabytes(MAX_FILE_BYTES)} this page reads. Ask TikTok for the JSON format only (no videos), or for Google, choose only “Google Play Store” in Takeout.`);
      }
      onStatus(`Reading ${file.name}…`);
      const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
      const texts = looksLikeZip(head) || /\.zip$/i.test(file.name)
        ? await filesInZip(file)
        : [{ kind: kindOfName(file.name), name: file.name, from: null, text: await file.text() }];
      for (const t of texts) {
        const label = t.from ? `${t.name} (in ${t.from})` : t.name;
        const json = parseJson(t.text, label);
        const kind = t.kind ?? kindOfJson(json);
        if (!kind) {
          unknown.push({ name: t.name, from: t.from, json });
          continue;
        }
        if (found[kind]) {
          ignored.push(label);
          continue;
        }
        found[kind] = { name: t.name, from: t.from, json };
      }
    } catch (e) {
      if (e instanceof FileProblem) problems.push(e);
      else if (e instanceof ZipError) problems.push(new FileProblem(file.name, zipProblem(file.name, e)));
      else problems.push(new FileProblem(file.name, `${file.name} could not be read (${e?.message ?? e}).`));
    }
  }
  // A JSON file of no known shape is taken as the TikTok file when there is no other, so the
  // engine can say what it is not; otherwise it is left out.
  for (const u of unknown) {
    if (!found.tiktok) found.tiktok = u;
    else ignored.push(u.from ? `${u.name} (in ${u.from})` : u.name);
  }
  return { found, problems, ignored };
}

export { KINDS };

// The files a parent picks or drops, read on this device: a TikTok data file (user_data_tiktok.json,
// or user_data.json in older exports), Google Play's Purchase History.json and Order History.json
// (from Google Takeout), each alone or inside a ZIP at any depth. Every problem is said in plain
// words (the reader's language), naming the file and what was expected; nothing here talks to a
// network.
import { t } from '../../i18n.js';
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

const megabytes = (n) => t('calc.files.megabytes', { count: Math.round(n / (1024 * 1024)) });
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
  return t('calc.files.line_column', { line, column: position - lineStart + 1 });
}

/** JSON text parsed, or a FileProblem saying where it breaks. */
export function parseJson(text, label) {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!clean.trim()) throw new FileProblem(label, t('calc.files.empty', { file: label }));
  try {
    return JSON.parse(clean);
  } catch (e) {
    const message = String(e?.message ?? '');
    const position = /position (\d+)/.exec(message);
    if (position) {
      const at = Number(position[1]);
      const where = lineAndColumn(clean, at);
      const ended = at >= clean.trimEnd().length;
      throw new FileProblem(label, ended ? t('calc.files.cut_at', { file: label, where }) : t('calc.files.json_at', { file: label, where, character: at + 1 }));
    }
    if (/end of (JSON )?input|unterminated/i.test(message)) {
      throw new FileProblem(label, t('calc.files.cut', { file: label }));
    }
    throw new FileProblem(label, t('calc.files.json', { file: label, reason: message }));
  }
}

function decode(bytes) {
  return new TextDecoder('utf-8').decode(bytes);
}

/** What a ZipError means for the person, about ZIP file `label`. */
function zipProblem(label, e) {
  switch (e.code) {
    case 'truncated':
      return t('calc.files.zip_truncated', { file: label, reason: e.message });
    case 'encrypted':
      return t('calc.files.zip_encrypted', { file: label, name: baseName(e.details.name) });
    case 'method':
      return t('calc.files.zip_method', { file: label, name: baseName(e.details.name), method: e.details.method });
    case 'too_large':
      return t('calc.files.zip_too_large', { file: label, name: baseName(e.details.name), size: megabytes(e.details.size) });
    default:
      return t('calc.files.zip_failed', { file: label, reason: e.message });
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
      throw new FileProblem(file.name, t('calc.files.txt', { file: file.name }));
    }
    const some = entries.slice(0, 3).map((e) => baseName(e.name)).join(t('calc.list.separator'));
    const holds = some ? t('calc.files.holds', { files: `${some}${entries.length > 3 ? '…' : ''}` }) : t('calc.files.holds_nothing');
    throw new FileProblem(file.name, `${t('calc.files.not_ours', { file: file.name })} ${holds}`);
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
        throw new FileProblem(file.name, t('calc.files.too_large', { file: file.name, size: megabytes(file.size), max: megabytes(MAX_FILE_BYTES) }));
      }
      onStatus(t('calc.history.reading_one', { file: file.name }));
      const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
      const texts = looksLikeZip(head) || /\.zip$/i.test(file.name)
        ? await filesInZip(file)
        : [{ kind: kindOfName(file.name), name: file.name, from: null, text: await file.text() }];
      for (const text of texts) {
        const label = text.from ? t('calc.history.file_in', { name: text.name, zip: text.from }) : text.name;
        const json = parseJson(text.text, label);
        const kind = text.kind ?? kindOfJson(json);
        if (!kind) {
          unknown.push({ name: text.name, from: text.from, json });
          continue;
        }
        if (found[kind]) {
          ignored.push(label);
          continue;
        }
        found[kind] = { name: text.name, from: text.from, json };
      }
    } catch (e) {
      if (e instanceof FileProblem) problems.push(e);
      else if (e instanceof ZipError) problems.push(new FileProblem(file.name, zipProblem(file.name, e)));
      else problems.push(new FileProblem(file.name, t('calc.files.unreadable', { file: file.name, reason: e?.message ?? e })));
    }
  }
  // A JSON file of no known shape is taken as the TikTok file when there is no other, so the
  // engine can say what it is not; otherwise it is left out.
  for (const u of unknown) {
    if (!found.tiktok) found.tiktok = u;
    else ignored.push(u.from ? t('calc.history.file_in', { name: u.name, zip: u.from }) : u.name);
  }
  return { found, problems, ignored };
}

export { KINDS };

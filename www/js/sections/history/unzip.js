// A ZIP file's directory, and the bytes of the entries asked for, read in the browser: the
// directory is parsed here (end record, Zip64 records, central directory, local headers; the
// layout of PKWARE's APPNOTE.TXT), and deflated entries go through the browser's own
// DecompressionStream('deflate-raw'); stored entries are used as they are. Only the parts of
// the file that are needed are read (Blob.slice), so a large export is never held whole.
//
// Problems are thrown as ZipError with a `code` the caller words for people:
//   truncated  the file ends before its directory says it should (a download cut short)
//   encrypted  an entry is protected with a password (flag bit 0)
//   method     an entry uses a compression other than stored (0) or deflate (8)
//   damaged    an entry's bytes do not match its size or CRC-32
//   too_large  an entry would unpack to more than the caller allows

export class ZipError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'ZipError';
    this.code = code;
    this.details = details;
  }
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** True when the first bytes are a ZIP's ("PK\3\4", or "PK\5\6" for an empty one). */
export function looksLikeZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

async function bytesOf(blob, start, end) {
  if (start < 0 || end > blob.size || start > end) throw new ZipError('truncated', 'the ZIP file is shorter than its directory says');
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** A 64-bit little-endian size as a Number (exact below 2^53, which any real file is). */
function u64(view, at) {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

/**
 * The entries of the ZIP in `blob`: `[{ name, method, encrypted, size, compressedSize, crc,
 * offset }]` (directories left out).
 */
export async function readDirectory(blob) {
  const tailStart = Math.max(0, blob.size - END_SIZE - MAX_COMMENT);
  const tail = await bytesOf(blob, tailStart, blob.size);
  const tv = new DataView(tail.buffer);
  let end = -1;
  for (let i = tail.length - END_SIZE; i >= 0; i -= 1) {
    // The comment's length must reach exactly to the end of the file.
    if (tv.getUint32(i, true) === END && i + END_SIZE + tv.getUint16(i + 20, true) === tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('truncated', 'the end of the file, where a ZIP lists what it holds, is missing');
  let count = tv.getUint16(end + 10, true);
  let size = tv.getUint32(end + 12, true);
  let offset = tv.getUint32(end + 16, true);
  // Zip64: the real values are in a second end record, found through a locator just before.
  const locator = end - 20;
  if (locator >= 0 && tv.getUint32(locator, true) === END64_LOCATOR) {
    const at = u64(tv, locator + 8);
    const record = await bytesOf(blob, at, at + 56);
    const rv = new DataView(record.buffer);
    if (rv.getUint32(0, true) !== END64) throw new ZipError('truncated', 'the ZIP file’s Zip64 directory record is missing');
    count = u64(rv, 32);
    size = u64(rv, 40);
    offset = u64(rv, 48);
  }
  const dir = await bytesOf(blob, offset, offset + size);
  const dv = new DataView(dir.buffer);
  const utf8 = new TextDecoder('utf-8');
  const entries = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > dir.length || dv.getUint32(at, true) !== CENTRAL) throw new ZipError('truncated', 'the ZIP file’s directory is cut short');
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const crc = dv.getUint32(at + 16, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressed = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let local = dv.getUint32(at + 42, true);
    if (at + 46 + nameLength + extraLength + commentLength > dir.length) throw new ZipError('truncated', 'the ZIP file’s directory is cut short');
    const name = utf8.decode(dir.subarray(at + 46, at + 46 + nameLength));
    // Zip64 extra field (id 1): the 64-bit values of the fields set to 0xFFFFFFFF, in order.
    let x = at + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = dv.getUint16(x, true);
      const length = dv.getUint16(x + 2, true);
      if (id === 1) {
        let y = x + 4;
        if (uncompressed === 0xffffffff && y + 8 <= x + 4 + length) { uncompressed = u64(dv, y); y += 8; }
        if (compressedSize === 0xffffffff && y + 8 <= x + 4 + length) { compressedSize = u64(dv, y); y += 8; }
        if (local === 0xffffffff && y + 8 <= x + 4 + length) { local = u64(dv, y); y += 8; }
      }
      x += 4 + length;
    }
    if (!name.endsWith('/')) {
      entries.push({ name, method, encrypted: (flags & 1) === 1, size: uncompressed, compressedSize, crc, offset: local });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

let crcTable = null;

/** CRC-32 (the ZIP polynomial 0xEDB88320) of `bytes`. */
function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The unpacked bytes of `entry` (from `readDirectory(blob)`), at most `limit` of them; checked
 * against the entry's size and CRC-32.
 */
export async function readEntry(blob, entry, { limit = Infinity } = {}) {
  if (entry.encrypted) throw new ZipError('encrypted', `${entry.name} is protected with a password`, { name: entry.name });
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError('method', `${entry.name} uses compression method ${entry.method}`, { name: entry.name, method: entry.method });
  if (entry.size > limit) throw new ZipError('too_large', `${entry.name} unpacks to ${entry.size} bytes`, { name: entry.name, size: entry.size });
  const header = await bytesOf(blob, entry.offset, entry.offset + 30);
  const hv = new DataView(header.buffer);
  if (hv.getUint32(0, true) !== LOCAL) throw new ZipError('truncated', `${entry.name} is not where the directory says`, { name: entry.name });
  const start = entry.offset + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  const packed = blob.slice(start, start + entry.compressedSize);
  if (start + entry.compressedSize > blob.size) throw new ZipError('truncated', `${entry.name} is cut short`, { name: entry.name });
  let bytes;
  if (entry.method === 0) {
    bytes = new Uint8Array(await packed.arrayBuffer());
  } else {
    bytes = await inflate(packed, entry, Math.min(limit, entry.size));
  }
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) {
    throw new ZipError('damaged', `${entry.name} is damaged (its size or checksum does not match)`, { name: entry.name });
  }
  return bytes;
}

/** Deflated bytes unpacked by the browser, stopping past `limit` (a ZIP that lies about sizes). */
async function inflate(packed, entry, limit) {
  const reader = packed.stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        throw new ZipError('damaged', `${entry.name} unpacks to more than its directory says`, { name: entry.name });
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('truncated', `${entry.name} could not be unpacked (${e?.message ?? e})`, { name: entry.name });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

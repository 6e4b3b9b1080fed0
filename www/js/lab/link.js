// The lab's state in the URL: `lab.html#v=1&z=…`, the compact document (document.js) as JSON,
// deflated and base64url-encoded, so a link holds a whole edited scenario and its seed. The
// fragment never reaches a server. `v` is the format's version; `j=` (plain JSON, base64url)
// is read and written where the browser has no CompressionStream.
import { DocumentError, compact, expand } from './document.js';

export const LINK_VERSION = 1;

function toBase64Url(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new DocumentError('', 'lab.link.characters');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary;
  try {
    binary = atob(padded);
  } catch {
    throw new DocumentError('', 'lab.link.cut_short');
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(stream, bytes) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

const canCompress = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** The fragment (`#v=1&z=…`) for a document. */
export async function toFragment(doc, library) {
  const json = new TextEncoder().encode(JSON.stringify(compact(doc, library)));
  if (!canCompress) return `#v=${LINK_VERSION}&j=${toBase64Url(json)}`;
  return `#v=${LINK_VERSION}&z=${toBase64Url(await through(new CompressionStream('deflate-raw'), json))}`;
}

/**
 * The document a fragment holds, or null when it holds none; throws DocumentError when it
 * holds a damaged or unreadable one.
 */
export async function fromFragment(hash, library) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const z = params.get('z');
  const j = params.get('j');
  if (z === null && j === null) return null;
  const v = params.get('v');
  if (v !== String(LINK_VERSION)) {
    throw new DocumentError('', v === null ? 'lab.link.no_version' : 'lab.link.version', { given: JSON.stringify(v?.slice(0, 10)), version: String(LINK_VERSION) });
  }
  let bytes = fromBase64Url(z ?? j);
  if (z !== null) {
    if (!canCompress) throw new DocumentError('', 'lab.link.no_decompress');
    try {
      bytes = await through(new DecompressionStream('deflate-raw'), bytes);
    } catch {
      throw new DocumentError('', 'lab.link.not_deflate');
    }
  }
  let value;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new DocumentError('', 'lab.link.not_json');
  }
  return expand(value, library);
}

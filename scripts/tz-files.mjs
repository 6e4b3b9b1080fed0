// Writes www/tz/<zone>.tzif for every zone of the IANA database the engine is built with: the
// calculator's small build carries no time-zone data and fetches the file of the zone a
// question needs from the page's own origin. The bytes come from the npm build (pkg/), which
// compiles in the same pinned database the CLI reads, so every surface answers alike.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { presets, timeZoneFile } from '../pkg/giftsim.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await init({ module_or_path: readFileSync(join(root, 'pkg', 'giftsim_bg.wasm')) });
const { database, zones } = presets().time_zones;
const dir = join(root, 'www', 'tz');
rmSync(dir, { recursive: true, force: true });
let bytes = 0;
for (const zone of zones) {
  const file = timeZoneFile(zone);
  if (!file) throw new Error(`the engine has no file for ${zone}`);
  const path = join(dir, `${zone}.tzif`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file);
  bytes += file.length;
}
// The calculator's build lists no zones either: the page offers these.
writeFileSync(join(dir, 'zones.json'), `${JSON.stringify({ database, zones })}\n`);
console.log(`time zones: ${zones.length} TZif files of the IANA database ${database} in www/tz/ (${(bytes / 1024).toFixed(0)} KB; a page loads only the zones it uses)`);

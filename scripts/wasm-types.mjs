// Generates src/wasm_types.d.ts, the TypeScript types of the WASM API, from the JSON Schemas in
// docs/schema/ (which the Rust tests keep equal to the Rust types). One named interface per
// request, answer and shared definition; the wasm-bindgen functions refer to them by name.
//
//   node scripts/wasm-types.mjs          write the file
//   node scripts/wasm-types.mjs --check  fail if the file is not what the schemas give
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'docs', 'schema');
const target = join(root, 'src', 'wasm_types.d.ts');

// Schema definitions whose names would shadow a JS global in the .d.ts.
const renamed = { Error: 'ErrorDetail' };

/**
 * A schema the generator names well: a `$ref` with sibling keywords (a property's own
 * description) becomes `allOf: [{$ref}]`, or the generator would declare a numbered copy of the
 * referenced type (`FeeInput1`) for each such property; renamed definitions are followed.
 */
function tidy(schema) {
  if (Array.isArray(schema)) return schema.map(tidy);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) out[key] = tidy(value);
  if (typeof out.$ref === 'string') {
    const name = out.$ref.replace('#/$defs/', '');
    out.$ref = `#/$defs/${renamed[name] ?? name}`;
    const { $ref, ...rest } = out;
    if (Object.keys(rest).length > 0) return { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

/** Every schema's definitions in one place, each top-level schema under its title. */
function mergedSchema() {
  const defs = {};
  const addDef = (name, def, file) => {
    if (name in defs && !isDeepStrictEqual(defs[name], def)) {
      throw new Error(`${file}: definition ${name} differs from another schema's`);
    }
    defs[name] = def;
  };
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const schema = tidy(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
    const { $schema, $defs = {}, title, ...top } = schema;
    if (!title) throw new Error(`${file}: a schema needs a title to name its type`);
    for (const [name, def] of Object.entries($defs)) addDef(renamed[name] ?? name, def, file);
    // The definition's key names the type; a top-level schema may also be another's definition.
    addDef(title, top, file);
  }
  return { title: 'GiftsimSchemas', type: 'object', additionalProperties: false, $defs: defs };
}

const banner = `// The types of giftsim's WASM API, generated from docs/schema/*.json by
// scripts/wasm-types.mjs. Do not edit: run \`make types\`.
//
// Money is a decimal string ("12.99"); counts of coins and diamonds are numbers.`;

// The thrown error is not in a schema: it is an Error carrying the error document's fields.
const errorType = `
/** What every function throws: a JS \`Error\` whose \`message\` is the engine's sentence. */
export interface GiftsimError extends Error {
  name: "GiftsimError";
  /** Stable machine code, e.g. \`"unknown_gift"\`. */
  code: ErrorCode;
  /** JSON path of the offending field, e.g. \`"gifts[0].gift"\`; empty for the whole input. */
  path: string;
}
`;

let text = await compile(mergedSchema(), 'GiftsimSchemas', {
  bannerComment: banner,
  unreachableDefinitions: true,
  additionalProperties: false,
  strictIndexSignatures: true,
  format: true,
  style: { singleQuote: false, printWidth: 100 },
});
// The merged root exists only to hold the definitions; its mentions are noise.
text = text
  .replace(/\nexport interface GiftsimSchemas \{\}\n/, '\n')
  .replace(/\n \*\n \* This interface was referenced by `GiftsimSchemas`'s JSON-Schema\n \* via the `definition` "[A-Za-z0-9]+"\./g, '');
text += errorType;

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('src/wasm_types.d.ts is out of date with docs/schema/: run `make types`');
    process.exit(1);
  }
  console.log('src/wasm_types.d.ts matches docs/schema/');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}

// The lab's document — `{ mode, scenario, grid, variants, calibration, optimization, plan,
// audit }` — and the ways in and out of it: the engine's inputs (a `simulate` scenario, a
// `sweep`, `calibrate`, `optimize`, `power` or `audit` request, which are also what the scenario
// file holds, so the CLI runs it as is),
// imported files checked field by field, and the compact form the URL carries (preset cards and
// rule sets as their id plus the edits).
import { t } from '../i18n.js';
import { DEFAULT_CALIBRATION, DEFAULT_GRID, DEFAULT_OPTIMIZATION, DEFAULT_PLAN, DEFAULT_VARIANTS, EXAMPLE_SCENARIO, defaultAudit } from './defaults.js';
import { AUDIT, DEFINITIONS, OPTIMIZE, POWER, SCENARIO, SWEEP } from './shapes.js';

export const MODES = ['simulate', 'sweep', 'ab', 'calibrate', 'optimize', 'power', 'audit'];

/** The lab's `audit` settings: an `audit` request's keys, the card optional (none: the scenario's first). */
const AUDIT_SETTINGS = { keys: AUDIT.keys };

/** A deep copy of plain JSON data. */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Keys that could reach an object's prototype: refused wherever data names a key. */
export const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** The document the lab opens with: the example scenario, a grid, one A/B variant, a
 * calibration, an optimization, the plan of a real experiment and an audit of the first card. */
export function defaultDocument() {
  return {
    mode: 'simulate',
    scenario: clone(EXAMPLE_SCENARIO),
    grid: clone(DEFAULT_GRID),
    variants: clone(DEFAULT_VARIANTS),
    calibration: clone(DEFAULT_CALIBRATION),
    optimization: clone(DEFAULT_OPTIMIZATION),
    plan: clone(DEFAULT_PLAN),
    audit: defaultAudit(),
  };
}

/** The document's audit settings, or the default ones. */
export function auditOf(doc) {
  return isObject(doc.audit) ? doc.audit : defaultAudit();
}

/** The card a scenario's viewers buy on first: its first channel's, or its one card. */
export function firstCard(scenario) {
  return Array.isArray(scenario?.channels) ? scenario.channels[0]?.rate_card : scenario?.rate_card;
}

/** Where that card is in the document. */
function firstCardPath(scenario) {
  return Array.isArray(scenario?.channels) ? 'scenario.channels[0].rate_card' : 'scenario.rate_card';
}

/** The card an audit audits: its own (a preset's id or a card from a file), or the scenario's first. */
export function auditedCard(doc) {
  return auditOf(doc).rate_card ?? firstCard(doc.scenario);
}

/** The document's calibration, or the default one. */
export function calibrationOf(doc) {
  return isObject(doc.calibration) ? doc.calibration : clone(DEFAULT_CALIBRATION);
}

/** The document's optimization, or the default one. */
export function optimizationOf(doc) {
  return isObject(doc.optimization) ? doc.optimization : clone(DEFAULT_OPTIMIZATION);
}

/** The document's plan of a real experiment, or the default one. */
export function planOf(doc) {
  return isObject(doc.plan) ? doc.plan : clone(DEFAULT_PLAN);
}

/** The A/B variant whose changes a plan tests (`plan.variant` is its index), or null. */
export function plannedVariant(doc) {
  const i = planOf(doc).variant;
  const v = Number.isInteger(i) && Array.isArray(doc.variants) ? doc.variants[i] : null;
  return isObject(v) ? v : null;
}

/** The plan's keys the engine takes as they are, in the order of its request. */
const PLAN_KEYS = ['effect', 'alpha', 'power', 'max_days', 'looks', 'observed', 'replicates'];

/** The engine's operation and input for the document's mode. */
export function engineRequest(doc) {
  if (doc.mode === 'sweep') return { op: 'sweep', input: { base: doc.scenario, grid: doc.grid } };
  if (doc.mode === 'ab') return { op: 'sweep', input: { base: doc.scenario, variants: doc.variants } };
  if (doc.mode === 'calibrate') {
    const c = calibrationOf(doc);
    const input = { scenario: doc.scenario, free: c.free ?? [], targets: c.targets ?? [] };
    if (c.target_set) input.target_set = c.target_set;
    if (c.max_evaluations !== undefined) input.max_evaluations = c.max_evaluations;
    return { op: 'calibrate', input };
  }
  if (doc.mode === 'optimize') {
    const o = optimizationOf(doc);
    const input = { scenario: doc.scenario, variables: o.variables ?? [], objective: o.objective ?? {} };
    if (o.constraints !== undefined) input.constraints = o.constraints;
    if (o.max_evaluations !== undefined) input.max_evaluations = o.max_evaluations;
    return { op: 'optimize', input };
  }
  if (doc.mode === 'power') {
    const p = planOf(doc);
    const input = { scenario: doc.scenario, users_per_arm: p.users_per_arm, days: p.days };
    const changes = plannedVariant(doc)?.changes;
    if (isObject(changes) && Object.keys(changes).length) input.change = changes;
    for (const key of PLAN_KEYS) {
      // Arms' sizes with every field cleared are no check to make.
      const empty = key === 'observed' && isObject(p.observed) && !Object.keys(p.observed).length;
      if (p[key] !== undefined && !empty) input[key] = p[key];
    }
    return { op: 'power', input };
  }
  if (doc.mode === 'audit') {
    // The rules of a region depend on the day: with no region, no day is sent.
    const a = auditOf(doc);
    const input = { rate_card: auditedCard(doc) };
    if (a.all_channels !== undefined) input.all_channels = a.all_channels;
    if (a.gifts !== undefined) input.gifts = a.gifts;
    if (a.region != null && a.region !== '') {
      input.region = a.region;
      if (a.date != null && a.date !== '') input.date = a.date;
    }
    return { op: 'audit', input };
  }
  return { op: 'simulate', input: doc.scenario };
}

/**
 * Where an engine error's `path` is in the document, by mode: the scenario's fields under
 * `scenario` ("base.viewers" of a sweep is "scenario.viewers"), a calibration's or an
 * optimization's own fields under `calibration` or `optimization`, a plan's under `plan` (its
 * `change` is the variant it tests, picked at `plan.variant`), an audit's under `audit` (its card,
 * when the audit has none of its own, is the scenario's first).
 */
export function documentPath(doc, path) {
  const p = String(path ?? '');
  if (doc.mode === 'simulate') return p ? `scenario.${p}` : '';
  if (doc.mode === 'audit') {
    if (/^rate_card(\.|\[|$)/.test(p) && auditOf(doc).rate_card === undefined) return p.replace(/^rate_card/, firstCardPath(doc.scenario));
    return p ? `audit.${p}` : '';
  }
  if (doc.mode === 'power') {
    if (/^scenario(\.|\[|$)/.test(p)) return p;
    if (/^change(\.|\[|$)/.test(p)) return 'plan.variant';
    return p ? `plan.${p}` : '';
  }
  if (doc.mode === 'calibrate' || doc.mode === 'optimize') {
    const own = doc.mode === 'calibrate' ? 'calibration' : 'optimization';
    return /^scenario(\.|\[|$)/.test(p) ? p : p ? `${own}.${p}` : '';
  }
  return p === 'base' ? 'scenario' : p.replace(/^base(\.|\[)/, 'scenario$1');
}

// The presets, as the lab looks them up ------------------------------------------------------

export class Library {
  constructor(presets) {
    this.cards = presets.rate_cards ?? [];
    this.ruleSets = presets.rule_sets ?? [];
    this.cardById = new Map(this.cards.map((c) => [c.id, c]));
    this.ruleSetById = new Map(this.ruleSets.map((r) => [r.id, r]));
    this.catalogues = new Map((presets.gift_catalogues ?? []).map((c) => [c.id, c]));
  }

  /** A channel's card as an object (a preset id resolved), or null when unknown. */
  card(ref) {
    if (typeof ref === 'string') return this.cardById.get(ref) ?? null;
    return isObject(ref) ? ref : null;
  }

  /** The scenario's rule set as an object, or null when unknown. */
  ruleSet(ref) {
    if (typeof ref === 'string') return this.ruleSetById.get(ref) ?? null;
    return isObject(ref) ? ref : null;
  }

  /** The gifts a card offers: its catalogue's, its own list, or none. */
  giftsOf(card) {
    if (typeof card?.gifts === 'string') return this.catalogues.get(card.gifts)?.gifts ?? [];
    return Array.isArray(card?.gifts) ? card.gifts.filter(isObject) : [];
  }
}

// Reading documents from outside (files, links) ----------------------------------------------

/** A problem with a document from outside, naming where it is: the catalogue's message `id`
 * (`lab.document.*`) filled with `params`, written in the reader's language when it is thrown. */
export class DocumentError extends Error {
  constructor(path, id, params = {}) {
    const problem = t(id, params);
    super(path ? t('lab.document.at', { path, problem }) : problem);
    this.name = 'DocumentError';
    this.path = path;
    this.id = id;
    this.params = params;
  }
}

const at = (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
/** What a value is, in words ("a list", "an object", "a string"). */
const kindOf = (v) => t(`lab.document.kind.${v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v}`);

/**
 * Checks `value` against `shape` (generated from the engine's schemas: see shapes.js); throws a
 * DocumentError naming the first problem. The engine checks every value when the scenario runs.
 */
function check(value, shape, path) {
  if (shape === 'any') return refuseUnsafeKeys(value, path);
  if (shape === 'leaf') {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
    throw new DocumentError(path, 'lab.document.expected_value', { found: kindOf(value) });
  }
  if (shape.ref) return check(value, DEFINITIONS[shape.ref], path);
  if (shape.either) {
    const problems = [];
    for (const option of shape.either) {
      try {
        return check(value, option, path);
      } catch (e) {
        problems.push({ e, scalar: option === 'leaf' });
      }
    }
    // The most informative problem is the one that got deepest; for a list or an object, the
    // one from the option that wanted a list or an object.
    const structured = value !== null && typeof value === 'object';
    problems.sort((a, b) => b.e.path.length - a.e.path.length || (structured ? a.scalar - b.scalar : b.scalar - a.scalar));
    throw problems[0].e;
  }
  if (shape.list) {
    if (!Array.isArray(value)) throw new DocumentError(path, 'lab.document.expected_list', { found: kindOf(value) });
    value.forEach((item, i) => check(item, shape.list, at(path, i)));
    return;
  }
  if (value === null && shape.nullable) return;
  if (!isObject(value)) throw new DocumentError(path, 'lab.document.expected_object', { found: kindOf(value) });
  for (const [key, item] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(key)) throw new DocumentError(at(path, key), 'lab.document.key_not_allowed');
    if (shape.map) {
      check(item, shape.map, at(path, key));
    } else if (Object.hasOwn(shape.keys, key)) {
      check(item, shape.keys[key], at(path, key));
    } else if (!shape.open) {
      throw new DocumentError(at(path, key), 'lab.document.unknown_field', { fields: Object.keys(shape.keys).join(', ') });
    } else {
      refuseUnsafeKeys(item, at(path, key));
    }
  }
  for (const key of shape.required ?? []) {
    if (!(key in value)) throw new DocumentError(path, 'lab.document.missing_field', { field: key });
  }
}

function refuseUnsafeKeys(value, path) {
  if (Array.isArray(value)) value.forEach((v, i) => refuseUnsafeKeys(v, at(path, i)));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (UNSAFE_KEYS.has(k)) throw new DocumentError(at(path, k), 'lab.document.key_not_allowed');
      refuseUnsafeKeys(v, at(path, k));
    }
  }
}

function checkSeed(scenario, path) {
  const seed = scenario.seed;
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    throw new DocumentError(at(path, 'seed'), 'lab.document.seed', { max: Number.MAX_SAFE_INTEGER });
  }
}

/**
 * A scenario file's JSON (a `simulate` scenario, or a `sweep`, `calibrate`, `optimize`,
 * `power` or `audit` request, as the CLI takes them) as a lab document, keeping from `current`
 * what the file does not say (the grid when the file is an A/B test, the scenario when it is
 * an audit, and so on). Throws DocumentError with the reason.
 */
export function fromEngineDocument(value, current) {
  if (!isObject(value)) throw new DocumentError('', 'lab.document.not_object', { found: kindOf(value) });
  if ('scenario' in value && 'free' in value) {
    // A calibration request: its scenario is checked as a scenario, the rest by the engine.
    refuseUnsafeKeys(value, '');
    check(value.scenario, SCENARIO, 'scenario');
    checkSeed(value.scenario, 'scenario');
    const { scenario, ...calibration } = clone(value);
    return { ...keep(current), mode: 'calibrate', scenario, calibration };
  }
  if ('scenario' in value && 'variables' in value) {
    // An optimization request: checked field by field; the engine judges the values.
    check(value, OPTIMIZE, '');
    checkSeed(value.scenario, 'scenario');
    const { scenario, ...optimization } = clone(value);
    return { ...keep(current), mode: 'optimize', scenario, optimization };
  }
  if ('scenario' in value && 'users_per_arm' in value) {
    // A power analysis: its change to test becomes the A/B variant the plan points at (the one
    // that changes the same, or a new one), so the lab keeps one list of changes.
    check(value, POWER, '');
    checkSeed(value.scenario, 'scenario');
    const { scenario, change, ...plan } = clone(value);
    const kept = keep(current);
    const variants = Array.isArray(kept.variants) ? kept.variants : [];
    if (isObject(change) && Object.keys(change).length) {
      const same = (a) => isObject(a) && canonical(a) === canonical(change);
      let i = variants.findIndex((v) => same(v?.changes));
      if (i < 0) i = variants.push({ name: t('lab.document.change_to_test'), changes: change }) - 1;
      plan.variant = i;
    }
    return { ...kept, mode: 'power', scenario, variants, plan };
  }
  if ('base' in value) {
    check(value, SWEEP, '');
    checkSeed(value.base, 'base');
    const hasGrid = Array.isArray(value.grid) && value.grid.length > 0;
    const hasVariants = Array.isArray(value.variants) && value.variants.length > 0;
    if (hasGrid === hasVariants) throw new DocumentError('', 'lab.document.grid_or_variants');
    return {
      ...keep(current),
      mode: hasGrid ? 'sweep' : 'ab',
      scenario: clone(value.base),
      grid: hasGrid ? clone(value.grid) : clone(current.grid),
      variants: hasVariants ? clone(value.variants) : clone(current.variants),
    };
  }
  if ('rate_card' in value && Object.keys(value).every((key) => Object.hasOwn(AUDIT.keys, key))) {
    // An audit request: its card is the audit's own, the scenario stays.
    check(value, AUDIT, '');
    return { ...keep(current), mode: 'audit', scenario: clone(current.scenario), audit: clone(value) };
  }
  if (!('viewers' in value) && !('segments' in value)) {
    throw new DocumentError('', 'lab.document.not_scenario');
  }
  check(value, SCENARIO, '');
  checkSeed(value, '');
  return { ...keep(current), mode: 'simulate', scenario: clone(value) };
}

/** What a file of one mode leaves as it was: the other modes' parts of the document. */
function keep(current) {
  return {
    grid: clone(current.grid),
    variants: clone(current.variants),
    calibration: clone(current.calibration),
    optimization: clone(current.optimization),
    plan: clone(current.plan),
    audit: clone(current.audit),
  };
}

/** A map's JSON with its keys in order, to compare two maps. */
const canonical = (o) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

// The compact form for links --------------------------------------------------------------

/**
 * The edits that turn `base` into `next`: an object patches an object key by key; `[value]`
 * replaces; `[]` deletes. Arrays are replaced whole.
 */
export function diff(base, next) {
  if (isObject(base) && isObject(next)) {
    const out = {};
    for (const key of Object.keys(base)) if (!(key in next)) out[key] = [];
    for (const key of Object.keys(next)) {
      const d = key in base ? diff(base[key], next[key]) : [next[key]];
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return JSON.stringify(base) === JSON.stringify(next) ? undefined : [clone(next)];
}

/** `base` with the edits `diff` gave applied. */
export function patch(base, edits, path = '') {
  if (Array.isArray(edits)) {
    if (edits.length > 1) throw new DocumentError(path, 'lab.document.one_value');
    return edits.length ? clone(edits[0]) : undefined;
  }
  if (!isObject(edits)) throw new DocumentError(path, 'lab.document.edits_damaged');
  const out = isObject(base) ? clone(base) : {};
  for (const [key, e] of Object.entries(edits)) {
    if (UNSAFE_KEYS.has(key)) throw new DocumentError(at(path, key), 'lab.document.key_not_allowed');
    const value = patch(out[key], e, at(path, key));
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

function compactRef(ref, presets) {
  if (!isObject(ref) || typeof ref.id !== 'string' || !presets.has(ref.id)) return ref;
  const edits = diff(presets.get(ref.id), ref);
  return edits === undefined ? ref.id : { $preset: ref.id, $edits: edits };
}

function expandRef(ref, presets, path) {
  if (!isObject(ref) || !('$preset' in ref)) return ref;
  const base = presets.get(ref.$preset);
  if (!base) throw new DocumentError(path, 'lab.document.no_preset', { id: String(ref.$preset).slice(0, 40) });
  return patch(base, ref.$edits ?? {}, path);
}

/** The document as the link carries it: edited presets as their id and edits. */
export function compact(doc, library) {
  const s = clone(doc.scenario);
  if (Array.isArray(s.channels)) for (const c of s.channels) if (isObject(c)) c.rate_card = compactRef(c.rate_card, library.cardById);
  if (s.rate_card !== undefined) s.rate_card = compactRef(s.rate_card, library.cardById);
  if (s.rule_set !== undefined) s.rule_set = compactRef(s.rule_set, library.ruleSetById);
  const audit = isObject(doc.audit) ? clone(doc.audit) : doc.audit;
  if (isObject(audit) && audit.rate_card !== undefined) audit.rate_card = compactRef(audit.rate_card, library.cardById);
  return { mode: doc.mode, scenario: s, grid: doc.grid, variants: doc.variants, calibration: doc.calibration, optimization: doc.optimization, plan: doc.plan, audit };
}

/** A link's document, expanded and checked; throws DocumentError. */
export function expand(value, library) {
  if (!isObject(value)) throw new DocumentError('', 'lab.document.link_empty');
  refuseUnsafeKeys(value, '');
  const { mode, scenario, grid, variants, calibration, optimization, plan, audit } = value;
  if (!MODES.includes(mode)) throw new DocumentError('mode', 'lab.document.unknown_mode');
  if (!isObject(scenario)) throw new DocumentError('scenario', 'lab.document.missing');
  const s = clone(scenario);
  if (Array.isArray(s.channels)) {
    s.channels.forEach((c, i) => {
      if (isObject(c)) c.rate_card = expandRef(c.rate_card, library.cardById, `scenario.channels[${i}].rate_card`);
    });
  }
  if (s.rate_card !== undefined) s.rate_card = expandRef(s.rate_card, library.cardById, 'scenario.rate_card');
  if (s.rule_set !== undefined) s.rule_set = expandRef(s.rule_set, library.ruleSetById, 'scenario.rule_set');
  check(s, SCENARIO, 'scenario');
  checkSeed(s, 'scenario');
  check(grid, SWEEP.keys.grid, 'grid');
  check(variants, SWEEP.keys.variants, 'variants');
  if (calibration !== undefined && !isObject(calibration)) throw new DocumentError('calibration', 'lab.document.expected_object', { found: kindOf(calibration) });
  if (optimization !== undefined) {
    const { variables, objective, constraints, max_evaluations } = OPTIMIZE.keys;
    check(optimization, { keys: { variables, objective, constraints, max_evaluations } }, 'optimization');
  }
  if (plan !== undefined) {
    const { scenario: _, change: __, ...keys } = POWER.keys;
    check(plan, { keys: { ...keys, variant: 'leaf' } }, 'plan');
  }
  // A link or a saved scenario from before the audit opens the default one.
  let a = defaultAudit();
  if (audit !== undefined) {
    if (!isObject(audit)) throw new DocumentError('audit', 'lab.document.expected_object', { found: kindOf(audit) });
    a = clone(audit);
    if (a.rate_card !== undefined) a.rate_card = expandRef(a.rate_card, library.cardById, 'audit.rate_card');
    check(a, AUDIT_SETTINGS, 'audit');
  }
  return {
    mode,
    scenario: s,
    grid: clone(grid),
    variants: clone(variants),
    calibration: calibration === undefined ? clone(DEFAULT_CALIBRATION) : clone(calibration),
    optimization: optimization === undefined ? clone(DEFAULT_OPTIMIZATION) : clone(optimization),
    plan: plan === undefined ? clone(DEFAULT_PLAN) : clone(plan),
    audit: a,
  };
}

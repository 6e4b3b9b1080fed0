// "What was really spent": a family's own TikTok data export (and, optionally, Google Play's
// purchase history from Google Takeout), read on this device and checked against the spending
// check's rules. The engine's `importHistory` (in the full build, loaded only when a file is
// picked) turns the export into a plan with each amount's provenance — invoice, export or
// estimate — and the calculator's own `plan` checks it like any other.
//
// The files and everything read from them stay in this section's memory: never in the URL,
// never in storage, never sent anywhere. Reloading the page forgets them.
//
// - files.js, unzip.js: reading the files and ZIPs;
// - importer.js: the full engine, loaded on first use;
// - results.js (with chart.js, periods.js and csv.js): what the answer says, drawn.
import { h, replace } from '../../dom.js';
import { field } from '../../fields.js';
import { describeError, pageError } from '../../errors.js';
import { moneyInput } from '../../format.js';
import { t, tParts, textLocale } from '../../i18n.js';
import { personAge, zoneOptions } from '../spending-check/person.js';

/** The device's own time zone: the default for the export's dates, which carry none. */
function deviceZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}


/** "US dollars" for "USD", in the page's locale. */
function currencyName(code, locale) {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Where in a file an engine error's path points, in words ("coin purchase 4"). */
function placeOf(path) {
  const item = (name, words) => {
    const m = new RegExp(`${name}\\[(\\d+)\\]`).exec(path);
    return m ? t(`calc.history.place.${words}`, { number: Number(m[1]) + 1 }) : null;
  };
  return item('BuyGifts', 'purchase') ?? item('SendGifts', 'gift') ?? item('purchase_history', 'play_purchase') ?? item('order_history', 'play_order') ?? (/birthDate/.test(path) ? t('calc.history.place.birth') : null);
}

/** What the time zone's field says: why the list of zones is missing, or why it is asked. */
function zoneHint(app) {
  return app.zoneListError ? t('calc.zone.list_failed', app.zoneListError) : t('calc.history.zone_hint');
}

/** "Reading user_data.json…", "Reading 2 files…". */
function readingText(files) {
  return files.length === 1 ? t('calc.history.reading_one', { file: files[0].name }) : t('calc.history.reading', { count: files.length });
}

export default {
  id: 'history',
  get nav() {
    return t('calc.history.nav');
  },
  get title() {
    return t('calc.history.title');
  },
  defer: true,
  get intro() {
    return t('calc.history.intro');
  },

  mount(el, app) {
    // In a widget on another site, the site's own scripts could read what a file holds: the
    // history is only offered on giftsim's own page.
    if (el.getRootNode() instanceof ShadowRoot) {
      this.widget = true;
      replace(el, h('p', { class: 'muted', text: t('calc.history.widget') }));
      return;
    }
    // The files read stay when the page is drawn again in another language; their results are
    // drawn again in it.
    if (this.s) this.s.drawn = null;
    this.s ??= {
      sources: {},
      version: 0,
      problems: [],
      ignored: [],
      busy: null,
      epoch: 0,
      queue: Promise.resolve(),
      importer: null,
      engine: null,
      results: null,
      zone: '',
      unit: null,
      ask: null,
      tried: null,
      imported: null,
      importError: null,
      rates: {},
      extraCurrencies: [],
      plan: null,
      planKey: null,
      answers: new WeakMap(),
      drawn: null,
    };
    const tiktok = h('input', { type: 'file', accept: '.json,.zip,application/json,application/zip', multiple: true, onchange: () => this.pick(tiktok) });
    const play = h('input', { type: 'file', accept: '.json,.zip,application/json,application/zip', multiple: true, onchange: () => this.pick(play) });
    const zone = h('select', { onchange: () => this.setZone(zone.value) });
    const ui = {
      app,
      el,
      tiktok,
      play,
      zone,
      f: {
        tiktok: field({ label: t('calc.history.files'), control: tiktok, className: 'field--file' }),
        play: field({ label: t('calc.history.play'), control: play, hint: t('calc.history.play_hint'), className: 'field--file' }),
        zone: field({ label: t('calc.history.zone'), control: zone, hint: zoneHint(app), className: 'field--zone' }),
      },
      status: h('p', { class: 'history-status', role: 'status' }),
      loaded: h('div', { class: 'history-loaded' }),
      unit: h('div', { class: 'history-unit' }),
      unitField: null,
      rates: h('div', { class: 'history-rates' }),
      rateFields: new Map(),
      ratesKey: null,
      against: h('p', { class: 'history-against muted' }),
      result: h('div', { class: 'history-result', dataset: { answers: 'history', staleLabel: 'calc.history.stale' } }),
      zoneKey: null,
      unitKey: null,
    };
    this.ui = ui;
    app.needZoneNames();
    const drop = h(
      'div',
      { class: 'history-drop' },
      ui.f.tiktok.el,
      ui.f.play.el,
      h('p', { class: 'history-drop-hint', 'aria-hidden': 'true', text: t('calc.history.drop') }),
    );
    // Files dropped anywhere on the section are taken (a browser would otherwise open a file
    // dropped beside the zone in place of the page); the zone lights up.
    for (const type of ['dragenter', 'dragover']) {
      el.addEventListener(type, (event) => {
        if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
        event.preventDefault();
        drop.classList.add('is-dragging');
      });
    }
    el.addEventListener('dragleave', (event) => {
      if (!el.contains(event.relatedTarget)) drop.classList.remove('is-dragging');
    });
    el.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('is-dragging');
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length) this.load(files);
    });
    replace(
      el,
      h(
        'div',
        { class: 'split history-top' },
        h(
          'div',
          { class: 'history-files' },
          h('p', { class: 'history-privacy' }, h('strong', { text: t('calc.history.private') }), ' ', t('calc.history.private_text')),
          drop,
          ui.status,
          ui.loaded,
        ),
        (ui.howTo = this.howTo()),
      ),
      h('div', { class: 'history-questions' }, ui.f.zone.el, ui.unit, ui.rates),
      ui.against,
      ui.result,
    );
  },

  /** Where the files come from, in plain steps. */
  howTo() {
    // Open until files are read, then folded away (on a phone it stands between the files
    // and their results).
    return h(
      'details',
      { class: 'history-howto', open: true },
      h('summary', { text: t('calc.history.how') }),
      h(
        'ol',
        null,
        h('li', null, h('strong', { text: t('calc.history.how_tiktok') }), ' ', tParts('calc.history.how_tiktok_steps', { json: h('strong', { text: 'JSON' }) })),
        h('li', null, h('strong', { text: t('calc.history.how_play') }), ' ', tParts('calc.history.how_play_steps', { store: h('strong', { text: 'Google Play Store' }) })),
      ),
      h('p', { class: 'muted', text: t('calc.history.how_note') }),
    );
  },

  /** Files from a file control: read them, then let the control pick the same file again. */
  pick(input) {
    const files = [...input.files];
    input.value = '';
    if (files.length) this.load(files);
  },

  /**
   * Reads `files`, after any files still being read (a parent may pick the TikTok file and then
   * Google's before the first is read), then loads the engine; the import runs on the next
   * refresh. "Forget these files" drops what is still queued.
   */
  load(files) {
    const { s } = this;
    const epoch = s.epoch;
    s.busy = readingText(files);
    this.ui.app.update({});
    // A failure past `read`'s own handling is said at the file control, not lost; the queue
    // goes on.
    s.queue = s.queue
      .then(() => (s.epoch === epoch ? this.read(files, epoch) : null))
      .catch((e) => {
        s.busy = null;
        s.problems = [t('calc.history.unreadable', { reason: e?.message ?? e })];
        this.ui.app.update({});
      });
    return s.queue;
  },

  async read(files, epoch) {
    const { s, ui } = this;
    const { app } = ui;
    const current = () => s.epoch === epoch;
    s.busy = readingText(files);
    app.update({});
    let read;
    try {
      const [reader, results, importer] = await Promise.all([import('./files.js'), import('./results.js'), import('./importer.js')]);
      s.results = results;
      s.importer = importer;
      read = await reader.readFiles(files, (text) => {
        if (current()) this.status(text);
      });
      if (read.found.tiktok) read.found.tiktok.json = importer.exportParts(read.found.tiktok.json);
    } catch (e) {
      read = { found: {}, problems: [{ message: t('calc.history.unreadable', { reason: e?.message ?? e }) }], ignored: [] };
    }
    if (!current()) return;
    s.problems = read.problems.map((p) => p.message);
    s.ignored = read.ignored;
    const { found } = read;
    if (Object.keys(found).length) {
      // A new TikTok file starts afresh (its own unit of Price); Google files are added to it.
      if (found.tiktok) {
        s.sources = { ...(found.purchase || found.order ? {} : { purchase: s.sources.purchase, order: s.sources.order }), ...found };
        s.unit = null;
        s.ask = null;
      } else {
        s.sources = { ...s.sources, ...found };
      }
      for (const k of Object.keys(s.sources)) if (!s.sources[k]) delete s.sources[k];
      s.version += 1;
      // On a narrow screen the steps stand between the files and what they say: folded away.
      if (globalThis.matchMedia?.('(max-width: 900px)').matches) ui.howTo.open = false;
    }
    if (s.sources.tiktok && !s.engine && !s.problems.length) {
      s.busy = t('calc.history.loading_reader');
      app.update({});
      try {
        s.engine = await s.importer.loadImporter();
      } catch (e) {
        if (!current()) return;
        s.problems = [e?.code ? describeError(e) : e?.message ?? String(e)];
      }
      if (!current()) return;
    }
    s.busy = null;
    app.update({});
  },

  status(text) {
    // Set only when it changes, so a screen reader does not hear it again on each redraw.
    if (this.ui.status.textContent !== (text ?? '')) this.ui.status.textContent = text ?? '';
  },

  forget() {
    const { s, ui } = this;
    s.epoch += 1;
    Object.assign(s, { sources: {}, problems: [], ignored: [], busy: null, unit: null, ask: null, tried: null, imported: null, importError: null, extraCurrencies: [], plan: null, planKey: null, drawn: null, answers: new WeakMap() });
    s.version += 1;
    ui.howTo.open = true;
    replace(ui.result);
    ui.app.update({});
    ui.tiktok.focus();
  },

  setZone(zone) {
    this.s.zone = zone;
    this.ui.app.update({});
  },

  /** The time zone the export's dates are read in. */
  zone() {
    return this.s.zone || deviceZone();
  },

  /** What the import depends on: when it changes, the export is read again. */
  importKey(app) {
    const { s } = this;
    return JSON.stringify([s.version, this.zone(), s.unit, app.ruleSetInput(), app.cardInput(), app.state.region, personAge(app)]);
  },

  /** Runs the engine's import (synchronously: the engine is loaded) and keeps its answer. */
  runImport(app, key) {
    const { s } = this;
    s.tried = key;
    const { tiktok, purchase, order } = s.sources;
    const request = {
      tiktok: tiktok.json,
      time_zone: this.zone(),
      rate_card: app.cardInput(),
      rule_set: app.ruleSetInput(),
    };
    if (purchase || order) {
      request.google_play = {};
      if (purchase) request.google_play.purchase_history = purchase.json;
      if (order) request.google_play.order_history = order.json;
    }
    if (s.unit) request.price_unit = s.unit;
    if (app.state.region) request.region = app.state.region;
    const age = personAge(app);
    if (age != null) request.age = age;
    const answer = s.importer.importHistory(s.engine, request);
    if (answer.ok) {
      s.imported = answer.value;
      s.importError = null;
      return;
    }
    const e = answer.error;
    s.imported = null;
    if (e.code === 'missing_field' && e.path === 'price_unit') {
      s.ask = { samples: e.details?.samples ?? [], choices: e.details?.choices ?? ['coins'], choice: 'coins' };
      s.importError = null;
      return;
    }
    s.importError = this.importError(e);
  },

  /** An import error in the parent's words, at the file control (or the question it is about). */
  importError(e) {
    const { tiktok } = this.s.sources;
    const file = tiktok.from ? t('calc.history.file_in', { name: tiktok.name, zip: tiktok.from }) : tiktok.name;
    if (e.path === 'time_zone' || e.path === 'price_unit') return e;
    // Each is said in the page's words (`details.message_id`), the engine's own between them.
    const said = (id, details = {}) => ({ ...e, path: '', details: { ...e.details, ...details, message_id: id } });
    if (e.path === 'age') return said('calc.history.error.no_birth', { file });
    if (e.path === 'region') return said('calc.history.error.region', { reason: describeError(e) });
    if (e.code === 'engine_unavailable' || e.code === 'internal') return { ...e, path: '' };
    if (e.code === 'too_large') {
      const { given, max } = e.details ?? {};
      return given && max ? said('calc.history.error.too_many', { file, given, max }) : said('calc.history.error.too_much', { file });
    }
    if (e.path === 'tiktok') return said('calc.history.error.not_tiktok', { file });
    const google = /^google_play\.(purchase_history|order_history)/.exec(e.path);
    const source = google ? this.s.sources[google[1] === 'purchase_history' ? 'purchase' : 'order'] : null;
    const name = source ? source.name : file;
    const place = placeOf(e.path);
    return said(place ? 'calc.history.error.at_place' : 'calc.history.error.in_file', { name, place, reason: describeError(e) });
  },

  /** The currencies the history's amounts are in that the rules do not count in. */
  foreignCurrencies(app) {
    const rules = app.ruleSet()?.currency;
    const used = [app.card().currency, ...(this.s.imported?.events ?? []).map((e) => e.currency), ...this.s.extraCurrencies];
    return [...new Set(used.filter((c) => c && c !== rules))];
  },

  /** The rate typed here for `currency`, else the spending check's. */
  rateText(app, currency) {
    const pair = `${currency}/${app.ruleSet()?.currency}`;
    if (currency in this.s.rates) return this.s.rates[currency];
    if (pair in app.state.rates) return app.state.rates[pair];
    return currency === app.card().currency ? app.state.fx : '';
  },

  /** The plan question's input: the same object while nothing it depends on changes. */
  planInput(app) {
    const { s } = this;
    const rules = app.ruleSet()?.currency;
    const rates = {};
    for (const c of this.foreignCurrencies(app)) {
      const rate = moneyInput(this.rateText(app, c), app.fmt.decimalSeparator);
      if (rate) rates[`${c}/${rules}`] = rate;
    }
    const key = JSON.stringify([s.tried, rates]);
    if (key !== s.planKey) {
      s.planKey = key;
      s.plan = { ...s.imported.plan };
      if (Object.keys(rates).length) s.plan.exchange_rates = { ...s.plan.exchange_rates, ...rates };
      // A plan without events is checked at a moment: now (nothing is drawn from it but the rules' name).
      if (!s.plan.events?.length) s.plan.now = new Date().toISOString();
      s.answers.set(s.plan, s.imported);
    }
    return s.plan;
  },

  queries(app) {
    if (this.widget || !this.s) return {};
    const { s } = this;
    const ask = (error) => ({ history: { error, notice: false } });
    if (s.problems.length) return ask(pageError('unreadable_file', s.problems.join('\n'), '', { message_id: 'calc.history.error.problems', problems: s.problems.join('\n') }));
    if (s.busy) return {};
    if (!s.sources.tiktok) {
      if (s.sources.purchase || s.sources.order) {
        return ask(pageError('missing_file', t('calc.history.error.missing_tiktok'), '', { message_id: 'calc.history.error.missing_tiktok' }));
      }
      return { history: null };
    }
    if (!s.engine || !s.results || !s.importer) return {};
    if (app.ruleSetInput() == null) return ask(pageError('invalid_value', t('calc.history.error.rules'), '', { message_id: 'calc.history.error.rules' }));
    const key = this.importKey(app);
    if (key !== s.tried) this.runImport(app, key);
    if (s.importError) return ask(s.importError);
    // The engine asked what the prices are: nothing to show until the question is answered.
    if (!s.imported) return { history: null };
    const rules = () => app.ruleSet()?.currency;
    return {
      history: {
        op: 'plan',
        input: this.planInput(app),
        notice: false,
        mapPath: (path, error) => (error?.code === 'currency_mismatch' ? `exchange_rates.${error.details?.from === rules() ? error.details?.to : error.details?.from}` : /^exchange_rates\.([A-Z]{3})\//.test(path) ? `exchange_rates.${path.slice(15, 18)}` : ''),
        mapError: (error) => this.planError(app, error),
      },
    };
  },

  /** The plan's errors in the parent's words (a rate to type, an age to give, a rule set). */
  planError(app, error) {
    const rules = app.ruleSet()?.currency;
    if (error.code === 'currency_mismatch') {
      const { from, to } = error.details ?? {};
      const foreign = from === rules ? to : from;
      if (foreign && !this.foreignCurrencies(app).includes(foreign)) this.s.extraCurrencies = [...this.s.extraCurrencies, foreign];
      return { ...error, details: { ...error.details, message_id: 'calc.history.error.rate', from: foreign, to: rules } };
    }
    if (/^person\.(age|birth_date)/.test(error.path)) {
      return { ...error, details: { ...error.details, message_id: 'calc.history.error.age', reason: describeError(error) } };
    }
    return { ...error, details: { ...error.details, message_id: 'calc.history.error.plan', reason: describeError(error) } };
  },

  render(app) {
    if (this.widget || !this.s) return;
    const { s, ui } = this;
    const n = s.imported?.events?.length;
    const asking = s.ask && !s.unit && !s.imported;
    this.status(s.busy ?? (asking ? t('calc.history.question') : s.imported ? t('calc.history.read', { count: n, file: s.sources.tiktok?.name }) : ''));
    this.renderLoaded(app);
    this.renderZone(app);
    this.renderUnit(app);
    this.renderRates(app);
    this.renderAgainst(app);
    app.fields.register('history', '', ui.f.tiktok);
    app.fields.register('history', 'time_zone', ui.f.zone);
    if (ui.unitField) app.fields.register('history', 'price_unit', ui.unitField);
    for (const [currency, f] of ui.rateFields) app.fields.register('history', `exchange_rates.${currency}`, f);

    const r = app.results.get('history');
    if (!r?.value) {
      s.drawn = null;
      const text = r?.pending ? t('calc.check.loading_zone', { zone: this.zone() }) : null;
      replace(ui.result, text ? h('p', { class: 'empty', text }) : null);
      return;
    }
    if (r.error || r.pending) return;
    const answer = s.answers.get(r.input);
    const key = `${app.state.locale}|${textLocale()}|${app.card().id}`;
    if (!answer || (s.drawn?.input === r.input && s.drawn.key === key)) return;
    s.drawn = { input: r.input, key };
    s.results.drawResults(ui.result, app, { answer, value: r.value, sources: s.sources });
    if (s.focusResult) {
      // The question's button is gone: the answer it led to takes the focus.
      s.focusResult = false;
      ui.result.querySelector('.history-summary')?.focus();
    }
  },

  /** The files in use, and a button to forget them. */
  renderLoaded(app) {
    const { s, ui } = this;
    const key = JSON.stringify([s.version, s.ignored, s.imported?.format]);
    if (key === ui.loadedKey) return;
    ui.loadedKey = key;
    const kinds = ['tiktok', 'purchase', 'order'];
    const rows = kinds.filter((k) => s.sources[k]).map((k) => {
      const f = s.sources[k];
      const format = k === 'tiktok' && s.imported?.format ? ` ${t(s.imported.format === 'tiktok-legacy' ? 'calc.history.older_export' : 'calc.history.current_export')}` : '';
      return h('li', null, h('strong', { text: t(`calc.history.kind.${k}`) }), ' ', f.name, f.from ? h('span', { class: 'muted', text: ` ${t('calc.history.from_zip', { zip: f.from })}` }) : null, format);
    });
    replace(
      ui.loaded,
      rows.length ? h('ul', { class: 'history-loaded-list', 'aria-label': t('calc.history.files_read') }, rows) : null,
      s.ignored.length ? h('p', { class: 'muted', text: t('calc.history.ignored', { files: s.ignored.join(t('calc.list.separator')) }) }) : null,
      rows.length ? h('button', { type: 'button', class: 'button button--small', text: t('calc.history.forget'), onclick: () => this.forget() }) : null,
    );
  },

  renderZone(app) {
    const { ui } = this;
    const device = deviceZone();
    const key = JSON.stringify([device, this.s.zone, app.presets.timeZones.length, app.zoneListError]);
    if (key === ui.zoneKey) return;
    ui.zoneKey = key;
    replace(ui.zone, zoneOptions(app, ['', t('calc.history.device_zone', { zone: device.replaceAll('_', ' ') })], this.s.zone, [device]));
    ui.zone.value = this.s.zone;
    ui.f.zone.hint.textContent = zoneHint(app);
  },

  /** The engine's question: are the prices in the export coins or money? */
  renderUnit(app) {
    const { s, ui } = this;
    const key = JSON.stringify([s.ask, s.unit, s.version, app.state.locale]);
    if (key === ui.unitKey) return;
    ui.unitKey = key;
    if (!s.ask) {
      ui.unitField = null;
      replace(ui.unit);
      return;
    }
    const name = `history-unit-${s.version}`;
    const current = s.unit ?? s.ask.choice;
    const choiceLabel = (c) => (c === 'coins' ? t('calc.history.unit_coins') : t('calc.history.unit_money', { name: currencyName(c, textLocale()), code: c }));
    const radios = s.ask.choices.map((c, i) => {
      const input = h('input', {
        type: 'radio',
        name,
        id: `${name}-${i}`,
        value: c,
        checked: c === current,
        onchange: () => {
          s.ask.choice = c;
          if (s.unit) {
            s.unit = c;
            app.update({});
          }
        },
      });
      return h('span', { class: 'radio' }, input, h('label', { for: input.id, text: choiceLabel(c) }));
    });
    const fieldset = h(
      'fieldset',
      { class: 'choices history-unit-choices', 'aria-describedby': `${name}-samples` },
      h('legend', { text: t('calc.history.unit_question') }),
      radios,
    );
    const samples = h(
      'p',
      { id: `${name}-samples`, class: 'history-samples' },
      tParts('calc.history.samples', { samples: s.ask.samples.slice(0, 5).map((sample, i) => [i ? t('calc.list.separator') : '', h('code', { text: String(sample) })]).flat() }),
    );
    const error = h('p', { class: 'field-error', hidden: true });
    const confirm = s.unit
      ? null
      : h('button', {
          type: 'button',
          class: 'button button--primary',
          text: t('calc.history.use_answer'),
          onclick: () => {
            s.unit = s.ask.choice;
            s.focusResult = true;
            app.update({});
          },
        });
    ui.unitField = { control: fieldset, error };
    const appearing = !ui.unit.childElementCount;
    replace(ui.unit, h('div', { class: 'field history-unit-field' }, samples, fieldset, error, confirm));
    // Newly asked: brought into view (below the files on a phone), the focus left where it is.
    if (appearing) requestAnimationFrame(() => ui.unit.scrollIntoView?.({ block: 'nearest' }));
  },

  /** A rate for each currency of the history the rules do not count in. */
  renderRates(app) {
    const { ui } = this;
    const to = app.ruleSet()?.currency;
    const currencies = this.s.imported ? this.foreignCurrencies(app) : [];
    const key = JSON.stringify([to, currencies]);
    if (key !== ui.ratesKey) {
      ui.ratesKey = key;
      ui.rateFields = new Map();
      replace(
        ui.rates,
        currencies.map((currency) => {
          const input = h('input', {
            type: 'text',
            inputmode: 'decimal',
            autocomplete: 'off',
            class: 'input--short',
            oninput: () => {
              this.s.rates[currency] = input.value;
              app.update({});
            },
          });
          const f = field({ label: t('calc.check.rate', { from: currency, to }), control: input, hint: t('calc.history.rate_hint', { from: currency, to }), className: 'field--fx' });
          ui.rateFields.set(currency, f);
          return f.el;
        }),
      );
    }
    for (const [currency, f] of ui.rateFields) {
      if (f.control.getRootNode().activeElement !== f.control) f.control.value = this.rateText(app, currency);
    }
  },

  /** Whose rules the history is checked against, and where to change them. */
  renderAgainst(app) {
    const { s, ui } = this;
    if (!s.imported) {
      replace(ui.against);
      return;
    }
    const rs = app.ruleSet();
    const born = s.imported.birth_date;
    const age = personAge(app);
    const who = born ? 'born' : age != null ? 'age' : 'no_age';
    const params = { rules: rs?.name ?? t('calc.history.chosen_rules'), born, age, region: app.state.region };
    replace(
      ui.against,
      t(`calc.history.against.${who}${app.state.region ? '_in' : ''}`, params),
      ' ',
      h('a', { href: '#spending-check', text: t('calc.history.change') }),
      '.',
    );
  },
};

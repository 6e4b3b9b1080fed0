// "Spending check for a young user": a person (age, region, time zone), a spending rule set and
// a dated plan of top-ups and gifts, checked by the engine's `plan` event by event: allowed,
// allowed with a warning, or blocked, by which rule, over which window, with what is used and
// left; then what can still be spent without a block or a warning.
import { facts, h, isFocused, replace, sourceLink } from '../dom.js';
import { field } from '../fields.js';
import { moneyInput } from '../format.js';
import { shortName } from '../rate-card.js';
import { EVENT_KINDS, newEvent } from '../state.js';
import { WALL, WINDOW_PHRASES, ZONES, describeWindow, formatStamp, nextDay, offsetLabel, toTimestamp, wallAt, windowBounds } from '../time.js';
import { countInput } from './coins-money.js';

/** Regions offered (ISO 3166-1 alpha-2); the rule sets name KR and JP, the examples CN, US, GB. */
const REGIONS = ['AU', 'BR', 'CA', 'CN', 'DE', 'ES', 'FR', 'GB', 'HK', 'ID', 'IN', 'IT', 'JP', 'KR', 'MX', 'NL', 'PH', 'PL', 'SA', 'SE', 'SG', 'TH', 'TR', 'TW', 'US', 'VN', 'ZA'];

const VERDICTS = {
  ok: { label: 'Allowed', mark: '✓' },
  warn: { label: 'Warning', mark: '!' },
  block: { label: 'Blocked', mark: '✕' },
};

/** Rules that are not caps, as a person reads them. */
const RULES = {
  'min-age': 'Minimum age',
  'guardian-approval': 'Guardian approval',
  cooldown: 'Time between purchases',
  coins: 'Coins held',
};

const CONFIDENCE = { H: 'high confidence', M: 'medium confidence', L: 'low confidence' };

/** The time zone the person's wall-clock times are in: theirs, else the rule set's, else UTC. */
export function personZone(app) {
  return app.state.zone || app.ruleSet()?.time_zone || 'UTC';
}

/** The person as the engine takes it, or a local error for an age that is not a whole number. */
export function personInput(app) {
  const age = String(app.state.age).trim();
  if (!/^\d{1,3}$/.test(age)) {
    return { error: { code: 'invalid_value', path: 'person.age', message: 'Type the age in whole years, like 15.' } };
  }
  const person = { age: Number(age) };
  if (app.state.region) person.region = app.state.region;
  if (app.state.zone) person.time_zone = app.state.zone;
  if (app.state.guardian) person.guardian_approved = true;
  return { person };
}

/** `{ "USD/CNY": "7.10" }` when the card's currency is not the rules' and a rate is typed. */
export function exchangeRates(app) {
  const pair = foreignPair(app);
  const rate = moneyInput(app.state.fx, app.fmt.decimalSeparator);
  return pair && rate ? { [pair]: rate } : undefined;
}

/** "USD/CNY" when the card's currency differs from the rules' (1 USD = rate CNY), else null. */
export function foreignPair(app) {
  const rules = app.ruleSet()?.currency;
  const card = app.card().currency;
  return rules && card !== rules ? `${card}/${rules}` : null;
}

/** A missing exchange rate belongs to the exchange-rate field, wherever the engine met it. */
export function exchangePath(path, error) {
  return error?.code === 'currency_mismatch' ? 'exchange_rates' : path;
}

/**
 * The engine's `currency_mismatch` tells a programmer which JSON to add; at the page's field it
 * says the same to a person, naming both currencies.
 */
export function exchangeError(error) {
  if (error?.code !== 'currency_mismatch') return error;
  const m = /in ([A-Z]{3}) but the rules count ([A-Z]{3})/.exec(error.message);
  if (!m) return error;
  return { ...error, message: `Amounts in ${m[1]} need a rate: the rules count ${m[2]}. Type how many ${m[2]} one ${m[1]} is worth.` };
}

export default {
  id: 'spending-check',
  nav: 'Spending check',
  title: 'Spending check for a young user',
  defer: true,
  intro: 'Who is spending, under which rules, and a plan of dated top-ups and gifts. Each event is checked as the rules count it — by age, per top-up, per day or month in the person’s time zone — and you see what can still be spent.',

  mount(el, app) {
    const age = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '3', class: 'input--short', oninput: () => app.update({ age: age.value }) });
    const region = h('select', { onchange: () => app.update({ region: region.value }) });
    const zone = h('select', { onchange: () => app.update({ zone: zone.value }) });
    const rules = h('select', { onchange: () => this.changeRules(rules.value) });
    const guardian = h('input', { type: 'checkbox', id: `${this.id}-guardian`, onchange: () => app.update({ guardian: guardian.checked }) });
    const fx = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'input--short', oninput: () => app.update({ fx: fx.value }) });
    const now = h('input', { type: 'datetime-local', oninput: () => app.update({ now: now.value }) });
    const f = {
      age: field({ label: 'Age', control: age, hint: 'In whole years.' }),
      region: field({ label: 'Region', control: region, hint: 'Some rules differ by country.' }),
      zone: field({ label: 'Time zone', control: zone, hint: 'Days and months are counted here.', className: 'field--zone' }),
      rules: field({ label: 'Spending rules', control: rules, className: 'field--rules' }),
      fx: field({ label: 'Exchange rate', control: fx, className: 'field--fx' }),
      now: field({ label: 'What can still be spent, asked at', control: now, hint: 'Empty: right after the last event.' }),
    };
    const ui = {
      app,
      el,
      f,
      age,
      region,
      zone,
      rules,
      guardian,
      fx,
      now,
      fxPrefix: h('span', { class: 'fx-unit', 'aria-hidden': 'true' }),
      fxSuffix: h('span', { class: 'fx-unit', 'aria-hidden': 'true' }),
      ruleInfo: h('div', { class: 'rule-set-info' }),
      events: h('ol', { class: 'plan-events', 'aria-label': 'The plan’s events' }),
      summary: h('div', { class: 'plan-summary', dataset: { testid: 'plan-summary' } }),
      still: h('div', { class: 'plan-still' }),
      rowsKey: null,
      regionKey: null,
      rulesKey: null,
      rows: [],
    };
    this.ui = ui;
    // The exchange rate reads "1 USD = [7.10] CNY".
    const fxRow = h('div', { class: 'fx-row' });
    fx.replaceWith(fxRow);
    fxRow.append(ui.fxPrefix, fx, ui.fxSuffix);

    replace(
      el,
      h(
        'div',
        { class: 'split plan-top' },
        h(
          'fieldset',
          { class: 'plan-person' },
          h('legend', { text: 'Who is spending, under which rules' }),
          h('div', { class: 'plan-person-fields' }, f.age.el, f.region.el, f.zone.el, f.rules.el, f.fx.el),
          h('div', { class: 'check' }, guardian, h('label', { for: guardian.id, text: 'A guardian approved every purchase in advance' })),
        ),
        ui.ruleInfo,
      ),
      h('div', { class: 'result plan-result', 'aria-live': 'polite' }, ui.summary, ui.still),
      h(
        'div',
        { class: 'plan-editor' },
        h('div', { class: 'plan-editor-head' },
          h('h3', { class: 'subhead', text: 'The plan' }),
          h('button', { type: 'button', class: 'button button--small button--quiet-accent', text: 'Put in date order', onclick: () => this.sortEvents() }),
        ),
        ui.events,
        h('div', { class: 'button-row plan-add' },
          h('button', { type: 'button', class: 'button', text: 'Add a top-up', onclick: () => this.addEvent('buy') }),
          h('button', { type: 'button', class: 'button', text: 'Add a gift', onclick: () => this.addEvent('gift') }),
        ),
        h('div', { class: 'plan-extras' }, f.now.el),
      ),
    );
    this.sync(app);
  },

  sync(app) {
    const { ui } = this;
    ui.rowsKey = null;
    if (!isFocused(ui.age)) ui.age.value = app.state.age;
    if (!isFocused(ui.fx)) ui.fx.value = app.state.fx;
    if (!isFocused(ui.now)) ui.now.value = WALL.test(app.state.now) ? app.state.now : '';
    ui.guardian.checked = app.state.guardian;
  },

  queries(app) {
    const { person, error } = personInput(app);
    const zone = personZone(app);
    const local = error ?? this.eventError(app, zone);
    if (local) return { plan: { error: local } };
    const input = {
      rule_set: app.state.rules,
      person,
      rate_card: app.cardInput(),
      events: app.state.events.map((e) => eventInput(e, zone, app)),
    };
    const rates = exchangeRates(app);
    if (rates) input.exchange_rates = rates;
    if (app.state.now) input.now = toTimestamp(app.state.now, zone);
    else if (!app.state.events.length) input.now = toTimestamp(wallAt(Date.now(), zone), zone);
    return { plan: { op: 'plan', input, mapPath: exchangePath, mapError: exchangeError } };
  },

  /** The first wall-clock time the page cannot turn into a timestamp, as an error at its field. */
  eventError(app, zone) {
    const bad = (path, message) => ({ code: 'invalid_value', path, message });
    for (const [i, e] of app.state.events.entries()) {
      if (!WALL.test(e.at)) return bad(`events[${i}].at`, 'Pick a date and a time.');
      if (!toTimestamp(e.at, zone)) return bad('person.time_zone', `This browser does not know the time zone ${zone}.`);
    }
    if (app.state.now && !WALL.test(app.state.now)) return bad('now', 'Pick a date and a time, or leave it empty.');
    return null;
  },

  render(app) {
    const { ui } = this;
    this.renderPerson(app);
    this.renderRuleInfo(app);
    this.renderRows(app);
    for (const name of ['plan', 'gift-check']) {
      app.fields.register(name, 'person.age', ui.f.age);
      app.fields.register(name, 'person.region', ui.f.region);
      app.fields.register(name, 'person.time_zone', ui.f.zone);
      app.fields.register(name, 'rule_set', ui.f.rules);
      app.fields.register(name, 'exchange_rates', ui.f.fx);
    }
    app.fields.register('plan', 'now', ui.f.now);

    const pair = foreignPair(app);
    ui.f.fx.el.hidden = !pair;
    if (pair) {
      const [from, to] = pair.split('/');
      ui.fxPrefix.textContent = `1 ${from} =`;
      ui.fxSuffix.textContent = to;
      ui.f.fx.el.querySelector('label').textContent = `Exchange rate, 1 ${from} in ${to}`;
      ui.f.fx.el.querySelector('.field-hint')?.remove();
      const hint = ui.f.fx.el.querySelector('.fx-hint') ?? h('p', { class: 'field-hint fx-hint', id: `${this.id}-fx-hint` });
      hint.textContent = `The rules count ${to}; the card above is priced in ${from}. Needed for coins, catalogue gifts and amounts in ${from}.`;
      if (!hint.isConnected) ui.fx.closest('.fx-row').after(hint);
      ui.fx.setAttribute('aria-describedby', `${hint.id} ${ui.f.fx.error.id}`);
    }

    const { value } = app.results.get('plan') ?? {};
    this.renderVerdicts(app, value);
    if (!value) {
      replace(ui.summary, h('p', { class: 'empty', text: 'Fix the marked field to check the plan.' }));
      replace(ui.still);
      return;
    }
    this.renderSummary(app, value);
    this.renderStill(app, value);
  },

  renderPerson(app) {
    const { ui } = this;
    const key = JSON.stringify([app.state.locale, app.state.region, app.state.zone, app.state.rules, app.presets.ruleSets.length]);
    if (key === ui.regionKey) return;
    ui.regionKey = key;
    let names;
    try {
      names = new Intl.DisplayNames([app.state.locale], { type: 'region' });
    } catch {
      names = { of: (c) => c };
    }
    const regions = [...new Set([...REGIONS, app.state.region].filter(Boolean))]
      .map((code) => [code, names.of(code) ?? code])
      .sort((a, b) => a[1].localeCompare(b[1], app.state.locale));
    replace(
      ui.region,
      h('option', { value: '', text: 'Not set' }),
      regions.map(([code, name]) => h('option', { value: code, text: `${name} (${code})`, selected: code === app.state.region })),
    );
    ui.region.value = app.state.region;
    const own = app.ruleSet()?.time_zone ?? 'UTC';
    const zones = [...new Set([...ZONES, app.state.zone].filter(Boolean))];
    replace(
      ui.zone,
      h('option', { value: '', text: `The rules’ own (${own})` }),
      zones.map((z) => h('option', { value: z, text: z.replaceAll('_', ' '), selected: z === app.state.zone })),
    );
    ui.zone.value = app.state.zone;
    replace(
      ui.rules,
      app.presets.ruleSets.map((r) => h('option', { value: r.id, text: r.name, selected: r.id === app.state.rules })),
    );
    ui.rules.value = app.state.rules;
  },

  /** The chosen rule set in words: its date, minimum ages, caps by age, notes and sources. */
  renderRuleInfo(app) {
    const { ui } = this;
    const rs = app.ruleSet();
    const age = /^\d{1,3}$/.test(String(app.state.age).trim()) ? Number(app.state.age) : null;
    const key = JSON.stringify([rs?.id, age, app.state.region, app.state.locale]);
    if (key === ui.rulesKey || !rs) return;
    ui.rulesKey = key;
    const fmt = app.format(rs.currency);
    const estimate = (rs.sources ?? []).some((s) => s.estimate);
    const ages = rs.min_age ?? {};
    const ageText = (n) => (n == null ? 'any age' : `from ${n}`);
    const regional = (rs.regions ?? []).map((r) => `${r.region}: ${['buy', 'gift', 'receive'].filter((k) => r.min_age?.[k] != null).map((k) => `${k} ${r.min_age[k]}`).join(', ')}`);
    const brackets = (rs.brackets ?? []).map((b) => {
      const mine = age != null && age >= (b.min_age ?? 0) && (b.max_age == null || age < b.max_age);
      const span = b.max_age == null ? `${b.min_age ?? 0} and over` : `${b.min_age ?? 0} to ${b.max_age - 1}`;
      const rules = [
        ...(b.caps ?? []).map((c) => `${fmt.money(c.limit)} ${capPhrase(c)}${c.enforcement === 'soft' ? ' (warns only)' : ''}`),
        b.cooldown_minutes ? `${b.cooldown_minutes} minutes between purchases` : null,
        b.guardian_approval ? 'every purchase needs a guardian’s approval' : null,
      ].filter(Boolean);
      return h(
        'li',
        { class: mine ? 'is-mine' : null },
        h('strong', { text: `Ages ${span}` }),
        mine ? h('span', { class: 'badge badge--mine', text: 'this person' }) : null,
        `: ${rules.length ? rules.join('; ') : 'no caps'}.`,
      );
    });
    replace(
      ui.ruleInfo,
      h(
        'div',
        { class: 'rule-set-card' },
        h('p', { class: 'card-name' }, rs.name, estimate ? [' ', h('span', { class: 'badge badge--estimate', text: 'includes estimates' })] : null),
        h('p', { class: 'muted', dataset: { testid: 'rule-set-date' }, text: `Rules as of ${rs.as_of ?? 'an unstated date'}, version ${rs.version ?? 1}; caps in ${rs.currency}${rs.time_zone ? `, days counted in ${rs.time_zone}` : ''}.` }),
        facts([
          ['Minimum age to buy', ageText(ages.buy)],
          ['To send gifts', ageText(ages.gift)],
          ['To receive gifts', ageText(ages.receive)],
          regional.length ? ['Regional exceptions', regional.join('; ')] : null,
        ], 'facts facts--compact'),
        brackets.length ? h('ul', { class: 'rule-brackets' }, brackets) : h('p', { class: 'muted', text: 'No spending caps.' }),
        rs.notes ? h('p', { class: 'rule-notes', text: rs.notes }) : null,
        ruleSources(rs),
      ),
    );
  },

  /** The editor's rows: rebuilt when the plan's shape changes, otherwise only refreshed. */
  renderRows(app) {
    const { ui } = this;
    const card = app.card();
    const catalogue = app.presets.giftsOf(card);
    const key = JSON.stringify([app.state.events.map((e) => e.kind), card.id, card.currency, catalogue.map((g) => g.id), app.ruleSet()?.currency, app.state.locale]);
    if (key !== ui.rowsKey) {
      ui.rowsKey = key;
      const root = ui.events.getRootNode();
      const focusKey = ui.events.contains(root.activeElement) ? root.activeElement.dataset.focus : null;
      ui.rows = app.state.events.map((e, i) => this.row(app, e, i, card, catalogue));
      replace(
        ui.events,
        ui.rows.length ? ui.rows.map((r) => r.el) : h('li', { class: 'empty', text: 'No events yet: add a top-up or a gift.' }),
      );
      const focus = this.focusAfterBuild ?? focusKey;
      this.focusAfterBuild = null;
      if (focus) ui.events.querySelector(`[data-focus="${focus}"]`)?.focus();
    } else {
      for (const [i, r] of ui.rows.entries()) r.fill(app.state.events[i]);
    }
    for (const [i, r] of ui.rows.entries()) r.register(i);
  },

  row(app, e, i, card, catalogue) {
    const rs = app.ruleSet();
    const set = (change) => {
      const events = app.state.events.map((x, j) => (j === i ? { ...x, ...change } : x));
      app.update({ events });
    };
    const focusKey = (name) => `${i}:${name}`;
    // Short labels on screen; for a screen reader each also names its event.
    const label = (text) => [text, h('span', { class: 'sr-only', text: `, event ${i + 1}` })];
    const at = h('input', { type: 'datetime-local', dataset: { focus: focusKey('at') }, oninput: () => set({ at: at.value }) });
    const kind = h(
      'select',
      { dataset: { focus: focusKey('kind') }, onchange: () => set({ kind: kind.value }) },
      EVENT_KINDS.map((k) => h('option', { value: k, text: kindLabel(k, card) })),
    );
    const fields = { at: field({ label: label('When'), control: at, className: 'field--when' }), kind: field({ label: label('What'), control: kind, className: 'field--kind' }) };
    const controls = { at, kind };
    if (e.kind === 'buy' || e.kind === 'tip') {
      const amount = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', dataset: { focus: focusKey('amount') }, oninput: () => set({ amount: amount.value }) });
      const currencies = [...new Set([rs?.currency, card.currency, e.currency].filter(Boolean))];
      const currency = h(
        'select',
        { dataset: { focus: focusKey('currency') }, onchange: () => set({ currency: currency.value }) },
        currencies.map((c) => h('option', { value: c, text: c })),
      );
      fields.amount = field({ label: label('Amount'), control: amount, className: 'field--amount' });
      fields.currency = field({ label: label('Currency'), control: currency, className: 'field--currency' });
      Object.assign(controls, { amount, currency });
    } else if (e.kind === 'coins') {
      const coins = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', dataset: { focus: focusKey('coins') }, oninput: () => set({ coins: coins.value }) });
      fields.coins = field({ label: label(card.coin_name ?? 'Coins'), control: coins, className: 'field--amount' });
      controls.coins = coins;
    } else {
      const gift = h(
        'select',
        { dataset: { focus: focusKey('gift') }, onchange: () => set({ gift: gift.value }) },
        catalogue.map((g) => h('option', { value: g.id, text: `${g.name} (${app.fmt.count(g.coins)})` })),
        catalogue.some((g) => g.id === e.gift) ? null : h('option', { value: e.gift, text: `${e.gift} (not on this card)` }),
      );
      const count = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', dataset: { focus: focusKey('count') }, oninput: () => set({ count: count.value }) });
      fields.gift = field({ label: label('Gift'), control: gift, className: 'field--gift' });
      fields.count = field({ label: label('How many'), control: count, className: 'field--count' });
      Object.assign(controls, { gift, count });
    }
    const note = h('input', { type: 'text', autocomplete: 'off', maxlength: '120', dataset: { focus: focusKey('note') }, oninput: () => set({ note: note.value }) });
    fields.note = field({ label: label('Note'), control: note, className: 'field--note' });
    controls.note = note;
    const buying = e.kind === 'buy' || e.kind === 'coins';
    const approved = h('input', { type: 'checkbox', id: `${this.id}-approved-${i}`, dataset: { focus: focusKey('approved') }, onchange: () => set({ approved: approved.checked }) });
    const verdict = h('div', { class: 'event-verdict' });
    const legend = h('legend', { class: 'event-legend' }, h('span', { class: 'event-index', text: `Event ${i + 1}` }));
    const el = h(
      'li',
      { class: 'plan-event', dataset: { index: String(i) } },
      h(
        'fieldset',
        { class: 'event-fields' },
        legend,
        h(
          'div',
          { class: `event-grid event-grid--${e.kind}` },
          Object.values(fields).map((f) => f.el),
          h(
          'div',
          { class: 'event-actions' },
          buying ? h('div', { class: 'check' }, approved, h('label', { for: approved.id }, label('Guardian approved'))) : h('span'),
          h('button', {
            type: 'button',
            class: 'button button--quiet button--small',
            text: 'Remove',
            'aria-label': `Remove event ${i + 1}`,
            dataset: { focus: focusKey('remove') },
            onclick: () => this.removeEvent(i),
          }),
          ),
        ),
      ),
      verdict,
    );
    const fill = (ev) => {
      if (!ev) return;
      for (const [name, control] of Object.entries(controls)) {
        if (isFocused(control)) continue;
        const value = name === 'at' ? (WALL.test(ev.at) ? ev.at : '') : String(ev[name] ?? '');
        if (control.value !== value) control.value = value;
      }
      approved.checked = Boolean(ev.approved);
    };
    fill(e);
    const register = (index) => {
      const q = 'plan';
      app.fields.register(q, `events[${index}]`, fields.kind);
      app.fields.register(q, `events[${index}].at`, fields.at);
      if (fields.amount) {
        const action = e.kind === 'buy' ? 'buy' : 'gift';
        app.fields.register(q, `events[${index}].${action}.amount`, fields.amount);
        app.fields.register(q, `events[${index}].${action}.currency`, fields.currency);
      }
      if (fields.coins) app.fields.register(q, `events[${index}].buy.coins`, fields.coins);
      if (fields.gift) {
        app.fields.register(q, `events[${index}].gift.gift`, fields.gift);
        app.fields.register(q, `events[${index}].gift.count`, fields.count);
      }
    };
    return { el, verdict, legend, fill, register };
  },

  /** Each row's verdict, and its colour. */
  renderVerdicts(app, value) {
    const byIndex = new Map((value?.verdicts ?? []).map((v) => [v.index, v]));
    const fmt = value ? app.format(value.rule_set.currency) : null;
    for (const [i, r] of this.ui.rows.entries()) {
      const v = byIndex.get(i);
      r.el.classList.remove('is-ok', 'is-warn', 'is-block');
      r.legend.querySelector('.verdict-badge')?.remove();
      if (!v) {
        replace(r.verdict);
        continue;
      }
      r.el.classList.add(`is-${v.verdict}`);
      r.legend.append(badge(v.verdict, 'verdict-badge'));
      replace(r.verdict, verdictDetails(v, fmt, app, value.person));
    }
  },

  renderSummary(app, value) {
    const fmt = app.format(value.rule_set.currency);
    const s = value.summary;
    const headline =
      s.events === 0
        ? 'No events in the plan'
        : s.block
          ? `${s.block} of ${s.events} ${s.events === 1 ? 'event' : 'events'} blocked`
          : s.warn
            ? `All ${s.events} allowed, ${s.warn} with a warning`
            : `All ${s.events} ${s.events === 1 ? 'event' : 'events'} allowed`;
    const firstBlock = s.first_block != null ? value.verdicts.find((v) => v.index === s.first_block) : null;
    const p = value.person;
    const who = `Age ${p.age}${p.region ? ` in ${p.region}` : ''}${p.bracket ? `, bracket ${p.bracket}` : ''}; days counted in ${p.time_zone}.`;
    const may = [
      p.may_buy ? 'may buy coins' : `may not buy coins (minimum ${p.min_age.buy})`,
      p.may_gift ? 'may send gifts' : `may not send gifts (minimum ${p.min_age.gift})`,
    ].join(', ');
    replace(
      this.ui.summary,
      h('p', { class: 'headline-label', text: `Under ${value.rule_set.name}` }),
      h('p', { class: `plan-headline${s.block ? ' is-block' : s.warn ? ' is-warn' : ' is-ok'}`, dataset: { testid: 'plan-headline' }, text: headline }),
      h(
        'p',
        { class: 'plan-counts' },
        countBadge('ok', s.ok),
        countBadge('warn', s.warn),
        countBadge('block', s.block),
      ),
      facts([
        ['Top-ups allowed', fmt.money(s.bought)],
        ['Gifts and tips allowed', fmt.money(s.gifted)],
        ['Blocked', fmt.money(s.blocked)],
        firstBlock ? ['First block', `Event ${firstBlock.index + 1}, ${formatStamp(firstBlock.at, app.state.locale)}`] : null,
      ]),
      h('p', { class: 'muted plan-who', text: `${who} This person ${may}.` }),
    );
  },

  renderStill(app, value) {
    const fmt = app.format(value.rule_set.currency);
    const c = value.can_still_spend;
    const asked = app.state.now ? 'at the time asked' : value.verdicts.length ? 'right after the last event' : 'now';
    const line = (room, what) => {
      if (room.amount == null) return h('span', { class: 'still-amount', text: 'no cap' });
      if (room.limited_by === 'min-age' && Number(room.amount) === 0) {
        const minimum = value.person.min_age[what === 'Buying' ? 'buy' : 'gift'];
        return h('span', { class: 'still-amount is-block', text: `Not allowed under ${minimum}` });
      }
      const rule = room.limited_by ? ruleName(room.limited_by, app, value.person) : '';
      const windowText = room.window && room.window.kind !== 'transaction' ? ` (${describeWindow(room.window, app.state.locale)})` : '';
      return [
        h('span', { class: 'still-amount', text: fmt.money(room.amount) }),
        rule ? h('span', { class: 'muted block', text: `limited by ${rule}${windowText}` }) : null,
        room.next_allowed_at ? h('span', { class: 'muted block', text: `${what} again from ${formatStamp(room.next_allowed_at, app.state.locale)}` }) : null,
      ];
    };
    const action = (title, spendable, what) =>
      h(
        'div',
        { class: 'still-card' },
        h('h4', { text: title }),
        facts([
          ['Without a block', line(spendable.without_block, what)],
          ['Without any warning', line(spendable.without_warning, what)],
        ], 'facts facts--stack'),
        spendable.without_block.needs_guardian_approval ? h('p', { class: 'still-note', text: 'Each purchase also needs a guardian’s approval.' }) : null,
      );
    replace(
      this.ui.still,
      h('h3', { class: 'subhead', text: 'What can still be spent' }),
      h('p', { class: 'muted', dataset: { testid: 'still-at' }, text: `On ${formatStamp(c.at, app.state.locale)} (${offsetLabel(c.at)}), ${asked}.` }),
      h('div', { class: 'still-grid', dataset: { testid: 'still-spend' } }, action('Top-ups', c.buy, 'Buying'), action('Gifts and tips', c.gift, 'Gifting')),
    );
  },

  /** A new rule set; amounts that were in the old rules' currency follow into the new one's. */
  changeRules(id) {
    const { app } = this.ui;
    const from = app.ruleSet()?.currency;
    const to = app.presets.ruleSetById.get(id)?.currency;
    const events = from && to && from !== to ? app.state.events.map((e) => (e.currency === from ? { ...e, currency: to } : e)) : app.state.events;
    app.update({ rules: id, events });
  },

  addEvent(kind) {
    const { app } = this.ui;
    const zone = personZone(app);
    const last = [...app.state.events].reverse().find((e) => WALL.test(e.at));
    const at = last ? nextDay(last.at) : `${wallAt(Date.now(), zone).slice(0, 11)}12:00`;
    const catalogue = app.presets.giftsOf(app.card());
    const event = newEvent(kind, at, app.ruleSet()?.currency ?? app.card().currency);
    if (catalogue.length && !catalogue.some((g) => g.id === event.gift)) event.gift = catalogue[0].id;
    this.focusAfterBuild = `${app.state.events.length}:at`;
    app.update({ events: [...app.state.events, event] });
  },

  removeEvent(i) {
    const { app } = this.ui;
    const events = app.state.events.filter((_, j) => j !== i);
    this.focusAfterBuild = events.length ? `${Math.min(i, events.length - 1)}:remove` : null;
    app.update({ events });
    if (!events.length) requestAnimationFrame(() => this.ui.el?.querySelector('.plan-add button')?.focus());
  },

  sortEvents() {
    const { app } = this.ui;
    const events = [...app.state.events].sort((a, b) => (WALL.test(a.at) && WALL.test(b.at) ? a.at.localeCompare(b.at) : 0));
    app.update({ events }, { sync: true });
  },
};

/** One event as the engine's `plan` takes it. */
function eventInput(e, zone, app) {
  const out = { at: toTimestamp(e.at, zone) };
  const money = (text) => moneyInput(text, app.fmt.decimalSeparator);
  if (e.kind === 'buy') out.buy = { amount: money(e.amount), currency: e.currency };
  else if (e.kind === 'coins') out.buy = { coins: countInput(e.coins) };
  else if (e.kind === 'gift') out.gift = { gift: e.gift, count: countInput(e.count) };
  else out.gift = { amount: money(e.amount), currency: e.currency };
  if (e.approved && (e.kind === 'buy' || e.kind === 'coins')) out.guardian_approved = true;
  if (e.note) out.note = e.note;
  return out;
}

function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kindLabel(kind, card) {
  return {
    buy: 'Top-up (money)',
    coins: `${card.coin_name ?? 'Coins'} on ${shortName(card)}`,
    gift: 'Gift',
    tip: 'Tip (money)',
  }[kind];
}

/**
 * A rule as a person reads it: "Minimum age", or a cap with its limit and window
 * ("the “monthly” cap, CN¥200.00 per calendar month"), found in the person's bracket.
 */
export function ruleName(rule, app, person) {
  if (RULES[rule]) return RULES[rule];
  const rs = app.ruleSet();
  const bracketId = person?.bracket?.split(' ')[0];
  const brackets = rs?.brackets ?? [];
  const cap = [...brackets.filter((b) => b.id === bracketId), ...brackets].flatMap((b) => b.caps ?? []).find((c) => c.id === rule);
  if (!cap) return `the “${rule}” cap`;
  return `the “${rule}” cap, ${app.format(rs.currency).money(cap.limit)} ${capPhrase(cap)}${cap.enforcement === 'soft' ? ' (warns only)' : ''}`;
}

/** "per top-up", "of gifts per calendar day": what a cap's limit counts. */
function capPhrase(cap) {
  if (cap.window === 'transaction') return cap.action === 'buy' ? 'per top-up' : 'per gift or tip';
  return `${cap.action === 'buy' ? 'of top-ups' : 'of gifts and tips'} ${WINDOW_PHRASES[cap.window] ?? cap.window}`;
}

/** "✓ Allowed", "! Warning", "✕ Blocked": text and colour, never colour alone. */
export function badge(level, className = '') {
  const v = VERDICTS[level] ?? { label: level, mark: '' };
  return h('span', { class: `verdict verdict--${level} ${className}`.trim() }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: v.mark }), ` ${v.label}`);
}

function countBadge(level, n) {
  const words = { ok: n === 1 ? 'allowed' : 'allowed', warn: n === 1 ? 'warning' : 'warnings', block: 'blocked' }[level];
  return h('span', { class: `count count--${level}${n ? '' : ' is-zero'}` }, h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: VERDICTS[level].mark }), ` ${n} ${words}`);
}

/**
 * One verdict in full: the deciding rule and its window (in the person's time), used and left
 * of the cap, the engine's sentence, the amount counted, and every rule checked.
 */
export function verdictDetails(v, fmt, app, person) {
  const locale = app.state.locale;
  const amount = v.paid ? `${fmt.money(v.amount)} counted (paid ${app.format(v.paid.currency).money(v.paid.amount)})` : fmt.money(v.amount);
  const what = [
    v.coins != null ? `${app.fmt.count(v.coins)} ${v.action === 'gift' && v.gift ? 'coins of gifts' : 'coins'}` : null,
    amount,
  ].filter(Boolean).join(' · ');
  const windowText = v.window && v.window.kind !== 'transaction' ? describeWindow(v.window, locale) : null;
  const bounds = windowBounds(v.window, locale);
  const usage = v.limit != null ? `${fmt.money(v.used)} of ${fmt.money(v.limit)} used, ${fmt.money(v.remaining)} left` : null;
  const others = v.checks.filter((c) => !(c.rule === v.rule && c.code === v.code));
  return [
    h('p', { class: 'verdict-line', text: `${formatStamp(v.at, locale)} · ${what}` }),
    h(
      'p',
      { class: 'verdict-rule' },
      h('strong', { text: cap(ruleName(v.rule, app, person)) }),
      windowText ? h('span', { title: bounds || null, text: ` · ${windowText}` }) : null,
      usage ? h('span', { text: ` · ${usage}` }) : null,
    ),
    h('p', { class: 'verdict-message', text: pageMessage(v.message) }),
    bounds ? h('p', { class: 'verdict-bounds muted', text: `Window: ${bounds}` }) : null,
    others.length
      ? h(
          'details',
          { class: 'verdict-checks' },
          h('summary', { text: `Every rule checked (${v.checks.length})` }),
          h(
            'ul',
            null,
            v.checks.map((c) => h('li', null, badge(c.verdict), ' ', h('strong', { text: cap(ruleName(c.rule, app, person)) }), `: ${pageMessage(c.message)}`)),
          ),
        )
      : null,
  ];
}

/** The engine's sentence, with its JSON advice said in the page's terms. */
export function pageMessage(message) {
  return String(message).replace('mark the event `guardian_approved: true`', 'tick “Guardian approved”');
}

/** Where a rule set's figures come from, with dates and confidence, or the estimate's method. */
function ruleSources(rs) {
  const entries = rs.sources ?? [];
  if (!entries.length) return h('p', { class: 'sources muted', text: 'No source is recorded for these rules.' });
  return h(
    'details',
    { class: 'sources' },
    h('summary', { text: `Sources (${entries.length})` }),
    h(
      'ul',
      null,
      entries.map((s) =>
        h(
          'li',
          null,
          h('span', { class: 'source-fields', text: `${s.fields.join(', ')}: ` }),
          s.estimate
            ? [h('span', { class: 'badge badge--estimate', text: 'estimate' }), ` ${s.method ?? ''}`]
            : [s.source ? sourceLink(s.source) : 'unnamed source', s.as_of ? `, as of ${s.as_of}` : '', s.confidence ? ` (${CONFIDENCE[s.confidence] ?? s.confidence})` : ''],
          s.note ? h('span', { class: 'source-note', text: ` — ${s.note}` }) : null,
        ),
      ),
    ),
  );
}

// "Spending check for a young user": a person (age, region, time zone), a spending rule set and
// a dated plan of top-ups and gifts, checked by the engine's `plan` event by event: allowed,
// allowed with a warning, or blocked, by which rule, over which window, with what is used and
// left; then what can still be spent without a block or a warning.
//
// - person.js: the person, their zone and the exchange rates, as the engine takes them;
// - events.js: the plan's rows;
// - verdicts.js: what the answer says, drawn;
// - rules.js: the chosen rule set in words.
import { h, isFocused, replace } from '../../dom.js';
import { field } from '../../fields.js';
import { newEvent } from '../../state.js';
import { WALL, nextDay, wallAt, wallInput } from '../../time.js';
import { eventInput, eventRow } from './events.js';
import { exchangeError, exchangePath, exchangeRates, foreignCurrencies, personAge, personInput, personZone, rateChange, rateText, zoneGroups } from './person.js';
import { renderRuleSet } from './rules.js';
import { badge, renderStill, renderSummary, verdictDetails } from './verdicts.js';

/** Regions offered (ISO 3166-1 alpha-2); the rule sets name KR and JP, the examples CN, US, GB. */
const REGIONS = ['AU', 'BR', 'CA', 'CN', 'DE', 'ES', 'FR', 'GB', 'HK', 'ID', 'IN', 'IT', 'JP', 'KR', 'MX', 'NL', 'PH', 'PL', 'SA', 'SE', 'SG', 'TH', 'TR', 'TW', 'US', 'VN', 'ZA'];

const ZONE_HINT = 'Days and months are counted here, with the zone’s own rules on each date.';

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
    const rules = h('select', { onchange: () => app.update({ rules: rules.value }) });
    const guardian = h('input', { type: 'checkbox', id: `${this.id}-guardian`, onchange: () => app.update({ guardian: guardian.checked }) });
    const now = h('input', { type: 'datetime-local', oninput: () => app.update({ now: now.value }) });
    const f = {
      age: field({ label: 'Age', control: age, hint: 'In whole years.' }),
      region: field({ label: 'Region', control: region, hint: 'Some rules differ by country.' }),
      zone: field({ label: 'Time zone', control: zone, hint: ZONE_HINT, className: 'field--zone' }),
      rules: field({ label: 'Spending rules', control: rules, className: 'field--rules' }),
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
      now,
      rates: h('div', { class: 'plan-rates' }),
      rateFields: new Map(),
      ratesKey: null,
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
    app.needZoneNames();
    replace(
      el,
      h(
        'div',
        { class: 'split plan-top' },
        h(
          'fieldset',
          { class: 'plan-person' },
          h('legend', { text: 'Who is spending, under which rules' }),
          h('div', { class: 'plan-person-fields' }, f.age.el, f.region.el, f.zone.el, f.rules.el),
          ui.rates,
          h('div', { class: 'check' }, guardian, h('label', { for: guardian.id, text: 'A guardian approved every purchase in advance' })),
        ),
        ui.ruleInfo,
      ),
      h('div', { class: 'result plan-result', 'aria-live': 'polite', dataset: { answers: 'plan' } }, ui.summary, ui.still),
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
    ui.ratesKey = null;
    if (!isFocused(ui.age)) ui.age.value = app.state.age;
    if (!isFocused(ui.now)) ui.now.value = WALL.test(app.state.now) ? app.state.now : '';
    ui.guardian.checked = app.state.guardian;
  },

  queries(app) {
    const { person, error } = personInput(app);
    if (error) return { plan: { error } };
    const input = {
      rule_set: app.state.rules,
      person,
      rate_card: app.cardInput(),
      events: app.state.events.map((e) => eventInput(e, app)),
    };
    const rates = exchangeRates(app);
    if (rates) input.exchange_rates = rates;
    // A time asked at is read in the person's zone, as the events' are.
    if (app.state.now) input.now = wallInput(app.state.now);
    else if (!app.state.events.length) input.now = new Date().toISOString();
    return { plan: { op: 'plan', input, mapPath: exchangePath(app), mapError: exchangeError(app) } };
  },

  render(app) {
    const { ui } = this;
    this.renderPerson(app);
    this.renderRates(app);
    this.renderRuleInfo(app);
    this.renderRows(app);
    for (const name of ['plan', 'gift-check']) {
      app.fields.register(name, 'person.age', ui.f.age);
      app.fields.register(name, 'person.region', ui.f.region);
      app.fields.register(name, 'person.time_zone', ui.f.zone);
      app.fields.register(name, 'rule_set', ui.f.rules);
      for (const [currency, f] of ui.rateFields) app.fields.register(name, `exchange_rates.${currency}`, f);
    }
    app.fields.register('plan', 'now', ui.f.now);

    const { value, pending } = app.results.get('plan') ?? {};
    this.renderVerdicts(app, value);
    if (!value) {
      const text = pending ? `Loading the time-zone rules of ${personZone(app)}…` : 'Fix the marked field to check the plan.';
      replace(ui.summary, h('p', { class: 'empty', text }));
      replace(ui.still);
      return;
    }
    renderSummary(ui.summary, app, value);
    renderStill(ui.still, app, value);
  },

  renderPerson(app) {
    const { ui } = this;
    const key = JSON.stringify([app.state.locale, app.state.region, app.state.zone, app.state.rules, app.presets.ruleSets.length, app.presets.timeZones.length, app.zoneListError]);
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
    const groups = zoneGroups(app);
    const listed = [...groups.values()].flat();
    const extra = ['UTC', app.state.zone].filter((z) => z && !listed.includes(z));
    replace(
      ui.zone,
      h('option', { value: '', text: `The rules’ own (${own.replaceAll('_', ' ')})` }),
      [...new Set(extra)].map((z) => h('option', { value: z, text: z.replaceAll('_', ' ') })),
      [...groups].map(([area, zones]) =>
        h('optgroup', { label: area }, zones.map((z) => h('option', { value: z, text: z.slice(area.length + 1).replaceAll('_', ' ').replaceAll('/', ' / ') }))),
      ),
    );
    ui.zone.value = app.state.zone;
    ui.f.zone.hint.textContent = app.zoneListError ?? ZONE_HINT;
    replace(
      ui.rules,
      app.presets.ruleSets.map((r) => h('option', { value: r.id, text: r.name, selected: r.id === app.state.rules })),
    );
    ui.rules.value = app.state.rules;
  },

  /** One rate field per currency the plan converts into the rules' ("1 USD = [7.10] CNY"). */
  renderRates(app) {
    const { ui } = this;
    const to = app.ruleSet()?.currency;
    const currencies = foreignCurrencies(app);
    const key = JSON.stringify([to, currencies, app.card().currency]);
    if (key !== ui.ratesKey) {
      ui.ratesKey = key;
      ui.rateFields = new Map();
      replace(
        ui.rates,
        currencies.map((currency) => {
          const input = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'input--short', dataset: { currency }, oninput: () => app.update(rateChange(app, currency, input.value)) });
          const card = currency === app.card().currency;
          const f = field({
            label: `Exchange rate, 1 ${currency} in ${to}`,
            control: input,
            hint: `The rules count ${to}; ${card ? 'the rate card is priced' : 'some amounts are'} in ${currency}. Every amount keeps its currency and is converted at this rate.`,
            className: 'field--fx',
          });
          const row = h('div', { class: 'fx-row' }, h('span', { class: 'fx-unit', 'aria-hidden': 'true', text: `1 ${currency} =` }));
          input.replaceWith(row);
          row.append(input, h('span', { class: 'fx-unit', 'aria-hidden': 'true', text: to }));
          ui.rateFields.set(currency, f);
          return f.el;
        }),
      );
    }
    for (const [currency, f] of ui.rateFields) {
      if (!isFocused(f.control)) f.control.value = rateText(app, currency);
    }
  },

  /** The chosen rule set in words: its date, minimum ages, caps by age, notes and sources. */
  renderRuleInfo(app) {
    const { ui } = this;
    const rs = app.ruleSet();
    const age = personAge(app);
    const key = JSON.stringify([rs?.id, age, app.state.region, app.state.locale]);
    if (key === ui.rulesKey || !rs) return;
    ui.rulesKey = key;
    renderRuleSet(ui.ruleInfo, app, rs, age);
  },

  /** The editor's rows: rebuilt when the plan's shape changes, otherwise only refreshed. */
  renderRows(app) {
    const { ui } = this;
    const card = app.card();
    const catalogue = app.presets.giftsOf(card);
    const rulesCurrency = app.ruleSet()?.currency;
    const key = JSON.stringify([app.state.events.map((e) => e.kind), card.id, card.currency, catalogue.map((g) => g.id), rulesCurrency, app.state.locale]);
    if (key !== ui.rowsKey) {
      ui.rowsKey = key;
      const root = ui.events.getRootNode();
      const focusKey = ui.events.contains(root.activeElement) ? root.activeElement.dataset.focus : null;
      const currencies = [rulesCurrency, card.currency];
      ui.rows = app.state.events.map((e, i) => eventRow(app, e, i, { card, catalogue, currencies, onRemove: (j) => this.removeEvent(j) }));
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

// "Spending check for a young user": a person (a first name, an age, where they live, their
// time zone), the rules (where they live, the family's own limits, or a country's or an app's),
// and a dated plan of top-ups and gifts, checked by the engine's `plan` event by event: allowed,
// allowed with a warning, or blocked, by which rule, over which window, with what is used and
// left; then what can still be spent before being stopped or warned. For parents: plans from
// templates and repeats, plain words, the controls phones and apps offer, and an agreement to
// print and sign.
//
// - person.js: the person, their zone and the exchange rates, as the engine takes them;
// - region.js: where they live, and the rules that hold there;
// - rules.js: the chosen rules in words, and what to say beside the choice;
// - own-limits.js: the family's own limits;
// - events.js: the plan's rows; templates.js: plans to start from;
// - verdicts.js: what the answer says, drawn;
// - glossary.js, controls.js, agreement.js: the words, the phone's controls, the agreement.
import { h, isFocused, replace } from '../../dom.js';
import { field } from '../../fields.js';
import { t, textLocale } from '../../i18n.js';
import { AUTO_RULES, OWN_LIMITS, REGIONS, newEvent, newLimits } from '../../state.js';
import { WALL, nextDay, wallAt, wallInput } from '../../time.js';
import { keptValue, shownValue } from '../coins-money.js';
import { agreementQueries, renderAgreement } from './agreement.js';
import { controls } from './controls.js';
import { eventInput, eventRow } from './events.js';
import { glossary } from './glossary.js';
import { ownLimitsEditor, ownRuleSet } from './own-limits.js';
import { exchangeError, exchangePath, exchangeRates, pairKey, personAge, personInput, personName, personZone, rateChange, rulesZone, rateText, ratePairs, zoneOptions } from './person.js';
import { isAuto, regionLabel } from './region.js';
import { renderRuleSet, renderWhereTheyLive, ruleChoiceNote } from './rules.js';
import { templates } from './templates.js';
import { badge, renderStill, renderSummary, repeatDetails, verdictDetails, worst } from './verdicts.js';

/** What the time zone's field says: why the list of zones is missing, or what the zone does. */
function zoneHint(app) {
  return app.zoneListError ? t('calc.zone.list_failed', app.zoneListError) : t('calc.check.zone_hint');
}

export default {
  id: 'spending-check',
  get nav() {
    return t('calc.check.nav');
  },
  get title() {
    return t('calc.check.title');
  },
  defer: true,
  get intro() {
    return t('calc.check.intro');
  },

  mount(el, app) {
    const who = h('input', { type: 'text', autocomplete: 'off', maxlength: '40', oninput: () => app.update({ who: who.value }) });
    const age = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '3', class: 'input--short', oninput: () => app.update({ age: age.value }) });
    const region = h('select', { onchange: () => this.chooseRegion(region.value) });
    const zone = h('select', { onchange: () => app.update({ zone: zone.value }) });
    const rules = h('select', { onchange: () => this.chooseRules(rules.value) });
    const guardian = h('input', { type: 'checkbox', id: `${this.id}-guardian`, onchange: () => app.update({ guardian: guardian.checked }) });
    const now = h('input', { type: 'datetime-local', oninput: () => app.update({ now: now.value }) });
    const f = {
      who: field({ label: t('calc.check.who'), control: who, className: 'field--who' }),
      age: field({ label: t('calc.check.age'), control: age, hint: t('calc.check.age_hint') }),
      region: field({ label: t('calc.check.region'), control: region, hint: t('calc.check.region_hint'), className: 'field--region' }),
      zone: field({ label: t('calc.check.zone'), control: zone, hint: zoneHint(app), className: 'field--zone' }),
      rules: field({ label: t('calc.check.rules'), control: rules, hint: t('calc.check.rules_hint'), className: 'field--rules' }),
      now: field({ label: t('calc.check.now'), control: now, hint: t('calc.check.now_hint') }),
    };
    const ui = {
      app,
      el,
      f,
      who,
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
      own: ownLimitsEditor(app),
      events: h('ol', { class: 'plan-events', 'aria-label': t('calc.check.events') }),
      templates: h('div', { class: 'button-row plan-templates' }),
      templatesKey: null,
      summary: h('div', { class: 'plan-summary', dataset: { testid: 'plan-summary' } }),
      still: h('div', { class: 'plan-still' }),
      agreement: h('div', { class: 'agreement', hidden: true }),
      sheet: h('article', { class: 'agreement-sheet', 'aria-labelledby': 'spending-check-agreement-title', dataset: { testid: 'agreement' } }),
      // Open stays open when the page is drawn again in another language.
      agreementOpen: this.ui?.agreementOpen ?? false,
      printPending: false,
      rowsKey: null,
      regionKey: null,
      rulesKey: null,
      rows: [],
    };
    this.ui = ui;
    // The family's own limits are a rule set the engine takes whole, in every section's questions.
    app.ruleSetMakers.set(OWN_LIMITS, (a) => ownRuleSet(a.state.limits ?? newLimits(a.card().currency), a.fmt?.decimalSeparator).ruleSet);
    app.needZoneNames();
    replace(
      ui.agreement,
      h('div', { class: 'button-row agreement-actions' },
        h('button', { type: 'button', class: 'button button--primary', text: t('calc.check.print'), onclick: () => window.print() }),
        h('button', { type: 'button', class: 'button', text: t('calc.check.close_agreement'), onclick: () => this.closeAgreement() }),
      ),
      ui.sheet,
    );
    if (ui.agreementOpen) {
      ui.agreement.hidden = false;
      ui.sheet.classList.add('is-open');
    }
    replace(
      el,
      h(
        'div',
        { class: 'split plan-top' },
        h(
          'fieldset',
          { class: 'plan-person' },
          h('legend', { text: t('calc.check.person') }),
          h('div', { class: 'plan-person-fields' }, f.who.el, f.age.el, f.region.el, f.zone.el, f.rules.el),
          ui.rates,
          h('div', { class: 'check' }, guardian, h('label', { for: guardian.id, text: t('calc.check.guardian') })),
        ),
        ui.ruleInfo,
      ),
      h('div', { class: 'result plan-result', 'aria-live': 'polite', dataset: { answers: 'plan' } }, ui.summary, ui.still),
      h(
        'div',
        { class: 'plan-editor' },
        h('div', { class: 'plan-editor-head' },
          h('h3', { class: 'subhead', text: t('calc.check.plan') }),
          h('div', { class: 'button-row' },
            h('button', { type: 'button', class: 'button button--small button--quiet-accent', text: t('calc.check.sort'), onclick: () => this.sortEvents() }),
            h('button', { type: 'button', class: 'button button--small button--quiet-accent', text: t('calc.check.clear'), onclick: () => this.setPlan([]) }),
          ),
        ),
        h('div', { class: 'plan-start' }, h('p', { class: 'plan-start-label', id: `${this.id}-templates`, text: t('calc.check.start_from') }), ui.templates),
        ui.events,
        h('div', { class: 'button-row plan-add' },
          h('button', { type: 'button', class: 'button', text: t('calc.check.add_top_up'), onclick: () => this.addEvent('buy') }),
          h('button', { type: 'button', class: 'button', text: t('calc.check.add_gift'), onclick: () => this.addEvent('gift') }),
        ),
        h('div', { class: 'plan-extras' }, f.now.el),
      ),
      h(
        'div',
        { class: 'plan-help' },
        h('div', { class: 'button-row plan-print' },
          h('button', { type: 'button', class: 'button', text: t('calc.check.print_agreement'), onclick: () => this.openAgreement() }),
          h('span', { class: 'muted', text: t('calc.check.print_hint') }),
        ),
        glossary(),
        controls(),
        ui.agreement,
      ),
    );
    ui.templates.setAttribute('role', 'group');
    ui.templates.setAttribute('aria-labelledby', `${this.id}-templates`);
    this.sync(app);
  },

  sync(app) {
    const { ui } = this;
    ui.rowsKey = null;
    ui.ratesKey = null;
    ui.rulesKey = null;
    if (!isFocused(ui.who)) ui.who.value = app.state.who;
    if (!isFocused(ui.age)) ui.age.value = app.state.age;
    if (!isFocused(ui.now)) ui.now.value = WALL.test(app.state.now) ? app.state.now : '';
    ui.guardian.checked = app.state.guardian;
  },

  /** Today where the person lives, `YYYY-MM-DD`. */
  today(app) {
    return wallAt(Date.now(), personZone(app)).slice(0, 10);
  },

  queries(app) {
    const agreement = this.ui?.agreementOpen ? agreementQueries(app, personAge(app), this.today(app)) : {};
    const { person, error } = personInput(app);
    if (error) return { plan: { error }, ...agreement };
    let ruleSet = app.ruleSetInput();
    if (app.state.rules === OWN_LIMITS) {
      const own = ownRuleSet(app.state.limits ?? newLimits(app.card().currency), app.fmt.decimalSeparator);
      if (own.error) return { plan: { error: own.error }, ...agreement };
      ruleSet = own.ruleSet;
    }
    const input = {
      rule_set: ruleSet,
      person,
      rate_card: app.cardInput(),
      events: app.state.events.map((e) => eventInput(e, app)),
    };
    const rates = exchangeRates(app);
    if (rates) input.exchange_rates = rates;
    // A time asked at is read in the person's zone, as the events' are.
    if (app.state.now) input.now = wallInput(app.state.now);
    else if (!app.state.events.length) input.now = new Date().toISOString();
    return { plan: { op: 'plan', input, mapPath: exchangePath(app), mapError: exchangeError(app) }, ...agreement };
  },

  render(app) {
    const { ui } = this;
    const { value, pending } = app.results.get('plan') ?? {};
    this.renderPerson(app);
    this.renderRates(app);
    this.renderRuleInfo(app, value);
    this.renderTemplates(app);
    this.renderRows(app);
    for (const name of ['plan', 'gift-check']) {
      app.fields.register(name, 'person.age', ui.f.age);
      app.fields.register(name, 'person.region', ui.f.region);
      app.fields.register(name, 'person.time_zone', ui.f.zone);
      app.fields.register(name, 'rule_set', ui.f.rules);
      for (const [key, f] of ui.rateFields) app.fields.register(name, `exchange_rates.${key}`, f);
    }
    if (app.state.rules === OWN_LIMITS) ui.own.register();
    app.fields.register('plan', 'now', ui.f.now);

    this.renderVerdicts(app, value);
    if (ui.agreementOpen) this.renderAgreementSheet(app);
    if (!value) {
      const text = pending ? t('calc.check.loading_zone', { zone: personZone(app) }) : t('calc.check.fix_field');
      replace(ui.summary, h('p', { class: 'empty', text }));
      replace(ui.still);
      return;
    }
    const context = { age: personAge(app), name: personName(app) };
    renderSummary(ui.summary, app, value, context);
    renderStill(ui.still, app, value);
  },

  renderPerson(app) {
    const { ui } = this;
    const key = JSON.stringify([app.state.locale, app.state.region, app.state.zone, app.state.rules, app.presets.ruleSets.length, app.presets.timeZones.length, app.zoneListError, app.card().id]);
    if (key !== ui.regionKey) {
      ui.regionKey = key;
      const regions = [...new Set([...REGIONS, app.state.region].filter(Boolean))]
        .map((code) => [code, regionLabel(code, textLocale())])
        .sort((a, b) => a[1].localeCompare(b[1], textLocale()));
      replace(
        ui.region,
        h('option', { value: '', text: t('calc.check.not_set') }),
        regions.map(([code, name]) => h('option', { value: code, text: t('calc.check.region_option', { name, code }), selected: code === app.state.region })),
      );
      ui.region.value = app.state.region;
      const own = rulesZone(app);
      replace(ui.zone, zoneOptions(app, ['', t('calc.check.rules_zone', { zone: own.replaceAll('_', ' ') })], app.state.zone));
      ui.zone.value = app.state.zone;
      ui.f.zone.hint.textContent = zoneHint(app);
      const auto = app.state.region || isAuto(app)
        ? h('option', { value: AUTO_RULES, text: app.state.region ? t('calc.check.auto') : t('calc.check.auto_first') })
        : null;
      replace(
        ui.rules,
        auto,
        h('option', { value: OWN_LIMITS, text: t('calc.limits.name') }),
        h('optgroup', { label: t('calc.check.presets') }, app.presets.ruleSets.map((r) => h('option', { value: r.id, text: r.name }))),
      );
      ui.rules.value = app.state.rules;
    }
    // Beside the choice: another country's rules are never applied without a word.
    const note = ruleChoiceNote(app, personName(app), this.today(app));
    const hint = ui.f.rules.hint;
    const text = note?.text ?? t('calc.check.rules_hint');
    if (hint.textContent !== text) hint.textContent = text;
    hint.classList.toggle('field-hint--warn', Boolean(note?.warn));
    hint.dataset.testid = 'rules-note';
  },

  /** One rate field per pair of currencies the plan converts ("1 USD = [7.10] CNY"). */
  renderRates(app) {
    const { ui } = this;
    const pairs = ratePairs(app);
    const key = JSON.stringify([pairs, app.card().currency]);
    if (key !== ui.ratesKey) {
      ui.ratesKey = key;
      ui.rateFields = new Map();
      replace(
        ui.rates,
        pairs.map((pair) => {
          const { from, to } = pair;
          const input = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'input--short', dataset: { currency: from }, oninput: () => app.update(rateChange(app, pair, keptValue(input.value, 'number'))) });
          const card = from === app.card().currency;
          const f = field({
            label: t('calc.check.rate', { from, to }),
            control: input,
            hint: t(`calc.check.rate_hint.${isAuto(app) ? 'some' : 'rules'}_${card ? 'card' : 'amounts'}`, { from, to }),
            className: 'field--fx',
          });
          const row = h('div', { class: 'fx-row' }, h('span', { class: 'fx-unit', 'aria-hidden': 'true', text: `1 ${from} =` }));
          input.replaceWith(row);
          row.append(input, h('span', { class: 'fx-unit', 'aria-hidden': 'true', text: to }));
          ui.rateFields.set(pairKey(pair), f);
          return f.el;
        }),
      );
    }
    for (const [k, f] of ui.rateFields) {
      const [from, to] = k.split('/');
      if (!isFocused(f.control)) f.control.value = shownValue(rateText(app, { from, to }), app.fmt, 'number');
    }
  },

  /** The chosen rules in words, or the editor of the family's own limits. */
  renderRuleInfo(app, value) {
    const { ui } = this;
    const age = personAge(app);
    const day = this.today(app);
    if (app.state.rules === OWN_LIMITS) {
      if (ui.ruleInfo.firstChild !== ui.own.el) replace(ui.ruleInfo, ui.own.el);
      ui.rulesKey = null;
      ui.own.fill();
      return;
    }
    const rs = app.ruleSet();
    const applied = isAuto(app) && value?.rule_set?.id === AUTO_RULES ? value.rule_sets : null;
    const key = JSON.stringify([app.state.rules, rs?.id, age, app.state.region, app.state.locale, app.card().id, day, applied]);
    if (key === ui.rulesKey || !rs) return;
    ui.rulesKey = key;
    if (isAuto(app)) renderWhereTheyLive(ui.ruleInfo, app, age, day, value);
    else renderRuleSet(ui.ruleInfo, app, rs, age, day);
  },

  /** The buttons that start a plan from an example. */
  renderTemplates(app) {
    const { ui } = this;
    const list = templates(app);
    const key = JSON.stringify(list.map((t) => t.label));
    if (key === ui.templatesKey) return;
    ui.templatesKey = key;
    replace(ui.templates, list.map((t) => h('button', { type: 'button', class: 'button button--small', dataset: { template: t.id }, text: t.label, onclick: () => this.setPlan(templates(app).find((x) => x.id === t.id).events()) })));
  },

  /** The editor's rows: rebuilt when the plan's shape changes, otherwise only refreshed. */
  renderRows(app) {
    const { ui } = this;
    const card = app.card();
    const catalogue = app.presets.giftsOf(card);
    const rulesCurrency = app.ruleSet()?.currency;
    const shape = app.state.events.map((e) => [e.kind, e.repeat?.every ? e.repeat.ends : '']);
    const key = JSON.stringify([shape, card.id, card.currency, catalogue.map((g) => g.id), rulesCurrency, app.state.locale]);
    if (key !== ui.rowsKey) {
      ui.rowsKey = key;
      const root = ui.events.getRootNode();
      const focusKey = ui.events.contains(root.activeElement) ? root.activeElement.dataset.focus : null;
      const currencies = [rulesCurrency, card.currency];
      ui.rows = app.state.events.map((e, i) => eventRow(app, e, i, { card, catalogue, currencies, onRemove: (j) => this.removeEvent(j) }));
      replace(
        ui.events,
        ui.rows.length ? ui.rows.map((r) => r.el) : h('li', { class: 'empty', text: t('calc.check.no_events') }),
      );
      const focus = this.focusAfterBuild ?? focusKey;
      this.focusAfterBuild = null;
      if (focus) ui.events.querySelector(`[data-focus="${focus}"]`)?.focus();
    } else {
      for (const [i, r] of ui.rows.entries()) r.fill(app.state.events[i]);
    }
    for (const [i, r] of ui.rows.entries()) r.register(i);
  },

  /** Each row's verdict (a repeating event's verdicts summed up), and its colour. */
  renderVerdicts(app, value) {
    const byIndex = new Map();
    for (const v of value?.verdicts ?? []) byIndex.set(v.index, [...(byIndex.get(v.index) ?? []), v]);
    const fmt = value ? app.format(value.rule_set.currency) : null;
    for (const [i, r] of this.ui.rows.entries()) {
      const vs = byIndex.get(i) ?? [];
      r.el.classList.remove('is-ok', 'is-warn', 'is-block');
      r.legend.querySelector('.verdict-badge')?.remove();
      if (!vs.length) {
        replace(r.verdict);
        continue;
      }
      const level = worst(vs);
      r.el.classList.add(`is-${level}`);
      r.legend.append(badge(level, 'verdict-badge'));
      const repeating = vs.length > 1 || vs[0].occurrence != null;
      replace(r.verdict, repeating ? repeatDetails(vs, fmt, app) : verdictDetails(vs[0], fmt, app));
    }
  },

  /** The agreement sheet, and the printing asked for once its answers are in. */
  renderAgreementSheet(app) {
    const { ui } = this;
    renderAgreement(ui.sheet, app, { who: personName(app), age: personAge(app), day: this.today(app) });
    if (!ui.printPending) return;
    const waiting = [...app.results].some(([name, r]) => name.startsWith('agreement-') && r.pending);
    if (waiting) return;
    ui.printPending = false;
    requestAnimationFrame(() => window.print());
  },

  openAgreement() {
    const { ui } = this;
    ui.agreementOpen = true;
    ui.printPending = true;
    ui.agreement.hidden = false;
    ui.sheet.classList.add('is-open');
    ui.app.update({});
    requestAnimationFrame(() => ui.sheet.scrollIntoView({ block: 'start' }));
  },

  closeAgreement() {
    const { ui } = this;
    ui.agreementOpen = false;
    ui.printPending = false;
    ui.agreement.hidden = true;
    ui.sheet.classList.remove('is-open');
    ui.el.querySelector('.plan-print button')?.focus();
  },

  /** Where the person lives: "auto" follows it (it needs a region; another one suits no one). */
  chooseRegion(region) {
    const { app } = this.ui;
    const change = { region };
    if (!region && isAuto(app)) change.rules = 'tiktok-global';
    app.update(change);
  },

  chooseRules(rules) {
    const { app } = this.ui;
    const change = { rules };
    if (rules === OWN_LIMITS && !app.state.limits) change.limits = newLimits(app.card().currency);
    app.update(change);
  },

  setPlan(events) {
    const { app } = this.ui;
    this.focusAfterBuild = null;
    app.update({ events }, { sync: true });
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

// The same spending on every platform priced in the currency, side by side: how many coins it
// buys, what the creator keeps, and where the rest goes.
import { h, isFocused, replace } from '../dom.js';
import { field } from '../fields.js';
import { moneyInput } from '../format.js';
import { t, tParts } from '../i18n.js';
import { table, unitCount } from '../answers.js';
import { flowChart } from '../charts.js';
import { keptValue, shownValue } from './coins-money.js';
import { shortName } from '../rate-card.js';

export default {
  id: 'compare',
  get nav() {
    return t('calc.compare.nav');
  },
  get title() {
    return t('calc.compare.title');
  },
  defer: true,
  get intro() {
    return t('calc.compare.intro');
  },

  mount(el, app) {
    const spend = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', oninput: () => app.update({ compare: keptValue(spend.value, 'money') }) });
    const spendField = field({ label: t('calc.compare.spends'), control: spend, hint: t('calc.compare.spends_hint') });
    const canvas = h('canvas', { role: 'img', 'aria-label': t('calc.compare.chart') }, h('p', { text: t('calc.compare.chart_fallback') }));
    this.ui = {
      spend,
      spendField,
      canvas,
      chartBox: h('div', { class: 'chart chart--compare' }, canvas),
      chart: flowChart(canvas),
      summary: h('p', { class: 'compare-summary', 'aria-live': 'polite', dataset: { answers: 'compare' } }),
      rows: h('div', { class: 'compare-table', dataset: { answers: 'compare' } }),
    };
    replace(el, spendField.el, this.ui.summary, this.ui.chartBox, this.ui.rows);
    this.sync(app);
  },

  sync(app) {
    if (!isFocused(this.ui.spend)) this.ui.spend.value = shownValue(app.state.compare, app.fmt, 'money');
  },

  queries(app) {
    const input = { spend: moneyInput(app.state.compare, app.fmt.decimalSeparator), currency: app.state.currency };
    let editedIndex = -1;
    if (app.state.edits) {
      const cards = app.presets.cardsIn(app.state.currency);
      editedIndex = cards.findIndex((c) => c.id === app.preset().id);
      input.rate_cards = cards.map((c, i) => (i === editedIndex ? app.card() : c.id));
    }
    // The edited card's errors belong to the rate card editor's fields.
    const prefix = `rate_cards[${editedIndex}]`;
    const mapPath = (path) => (editedIndex >= 0 && path.startsWith(prefix) ? `rate_card${path.slice(prefix.length)}` : path);
    return { compare: { op: 'compare', input, mapPath } };
  },

  render(app) {
    app.fields.register('compare', 'spend', this.ui.spendField);
    const value = app.results.get('compare')?.value;
    if (!value) {
      replace(this.ui.rows);
      replace(this.ui.summary);
      return;
    }
    const fmt = app.format(app.state.currency);
    const best = value.rows.find((r) => r.rate_card.id === value.best_for_creator);
    const only = value.rows.length === 1 ? value.rows[0] : null;
    if (only) {
      // One card in this currency: nothing to compare it with, so no "best".
      replace(
        this.ui.summary,
        tParts('calc.compare.only', {
          currency: app.state.currency,
          spend: fmt.money(value.spend),
          card: h('strong', { text: shortName(only.rate_card) }),
          keeps: fmt.money(only.creator_keeps),
          percent: fmt.percent(only.creator_percent),
        }),
      );
    } else if (best) {
      replace(
        this.ui.summary,
        tParts('calc.compare.best', { spend: fmt.money(value.spend), card: h('strong', { text: shortName(best.rate_card) }), keeps: fmt.money(best.creator_keeps), percent: fmt.percent(best.creator_percent) }),
      );
    } else {
      replace(this.ui.summary, t('calc.compare.nothing', { spend: fmt.money(value.spend) }));
    }
    const edited = app.state.edits ? app.preset().id : null;
    const label = (row) => (row.rate_card.id === edited ? t('calc.compare.edited', { card: shortName(row.rate_card) }) : shortName(row.rate_card));
    this.ui.chartBox.classList.toggle('is-tall', value.rows.length > 6);
    this.ui.chart.update(value.rows.map((row) => ({ label: label(row), flow: row.flow })), fmt);
    this.ui.canvas.setAttribute('aria-label', t('calc.compare.bars', { rows: value.rows.map((r) => t('calc.compare.bar', { card: label(r), keeps: fmt.money(r.creator_keeps) })).join(t('calc.list.semicolon')) }));
    replace(
      this.ui.rows,
      table({
        caption: t('calc.compare.caption', { spend: fmt.money(value.spend) }),
        scrollHint: true,
        head: [t('calc.compare.head.platform'), t('calc.compare.head.keeps'), t('calc.compare.head.share'), t('calc.compare.head.buys'), t('calc.compare.head.pays'), t('calc.compare.head.unspent'), t('calc.compare.head.withdraw')],
        numeric: [1, 2, 3, 4, 5],
        rows: value.rows.map((row) => ({
          className: row.rate_card.id === app.preset().id ? 'is-current' : null,
          cells: [
            h('span', null, h('strong', { text: label(row) }), h('span', { class: 'muted block', text: row.rate_card.name })),
            h('strong', { text: fmt.money(row.creator_keeps) }),
            fmt.percent(row.creator_percent),
            unitCount(fmt, row.coins, row.coin_name),
            fmt.money(row.viewer_pays),
            fmt.money(row.budget_left),
            row.creator_can_withdraw ? t('calc.compare.yes') : t('calc.compare.not_yet'),
          ],
        })),
      }),
    );
  },
};

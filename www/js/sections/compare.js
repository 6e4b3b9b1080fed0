// The same spending on every platform priced in the currency, side by side: how many coins it
// buys, what the creator keeps, and where the rest goes.
import { h, isFocused, replace, table } from '../dom.js';
import { field } from '../fields.js';
import { moneyInput } from '../format.js';
import { flowChart } from '../charts.js';
import { shortName } from '../rate-card.js';

export default {
  id: 'compare',
  nav: 'Platforms',
  title: 'The same money on every platform',
  defer: true,
  intro: 'One fan spends the same amount on each platform’s cheapest bundles, and gifts it all. Who ends up with what?',

  mount(el, app) {
    const spend = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', oninput: () => app.update({ compare: spend.value }) });
    const spendField = field({ label: 'A fan spends', control: spend, hint: 'In the chosen currency; every platform priced in it is compared.' });
    const canvas = h('canvas', { role: 'img', 'aria-label': 'Where the money goes on each platform' }, h('p', { text: 'A bar chart of the figures in the table below it.' }));
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
    if (!isFocused(this.ui.spend)) this.ui.spend.value = app.state.compare;
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
        `Only one card giftsim ships sells in ${app.state.currency}: of ${fmt.money(value.spend)} on `,
        h('strong', { text: shortName(only.rate_card) }),
        `, the creator keeps ${fmt.money(only.creator_keeps)} (${fmt.percent(only.creator_percent)}). Pick another currency to compare platforms.`,
      );
    } else if (best) {
      replace(
        this.ui.summary,
        `Of ${fmt.money(value.spend)}, the creator keeps the most on `,
        h('strong', { text: shortName(best.rate_card) }),
        `: ${fmt.money(best.creator_keeps)} (${fmt.percent(best.creator_percent)}).`,
      );
    } else {
      replace(this.ui.summary, `Of ${fmt.money(value.spend)}, no creator keeps anything on these cards.`);
    }
    const edited = app.state.edits ? app.preset().id : null;
    const label = (row) => `${shortName(row.rate_card)}${row.rate_card.id === edited ? ' (edited)' : ''}`;
    this.ui.chartBox.classList.toggle('is-tall', value.rows.length > 6);
    this.ui.chart.update(value.rows.map((row) => ({ label: label(row), flow: row.flow })), fmt);
    this.ui.canvas.setAttribute('aria-label', `Stacked bars, one per platform: ${value.rows.map((r) => `${label(r)}, creator keeps ${fmt.money(r.creator_keeps)}`).join('; ')}`);
    replace(
      this.ui.rows,
      table({
        caption: `${fmt.money(value.spend)} spent on each platform`,
        scrollHint: true,
        head: ['Platform', 'Creator keeps', 'Share', 'Buys', 'Pays', 'Unspent budget', 'Can withdraw'],
        numeric: [1, 2, 3, 4, 5],
        rows: value.rows.map((row) => ({
          className: row.rate_card.id === app.preset().id ? 'is-current' : null,
          cells: [
            h('span', null, h('strong', { text: label(row) }), h('span', { class: 'muted block', text: row.rate_card.name })),
            h('strong', { text: fmt.money(row.creator_keeps) }),
            fmt.percent(row.creator_percent),
            `${fmt.count(row.coins)} ${row.coin_name}`,
            fmt.money(row.viewer_pays),
            fmt.money(row.budget_left),
            row.creator_can_withdraw ? 'yes' : 'not yet',
          ],
        })),
      }),
    );
  },
};

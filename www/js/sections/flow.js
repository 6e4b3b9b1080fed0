// Where every cent goes: the flow of one answer as a stacked bar, with the figures beside it.
import { sign } from '../decimal.js';
import { h, replace } from '../dom.js';
import { flowTable, recipientName } from '../answers.js';
import { flowChart } from '../charts.js';
import { t, tParts } from '../i18n.js';
import { shortName } from '../rate-card.js';

/** The questions whose money can be shown (each a `calc.flow.of.NAME` to choose, and a
 * `calc.flow.summary.NAME` sentence). */
const CHOICES = ['gifts', 'coins', 'spend', 'cash'];

export default {
  id: 'flow',
  get nav() {
    return t('calc.flow.nav');
  },
  get title() {
    return t('calc.flow.title');
  },
  get intro() {
    return t('calc.flow.intro');
  },

  mount(el, app) {
    const name = 'flow-choice';
    const radios = CHOICES.map((value) => {
      const input = h('input', { type: 'radio', name, value, id: `flow-${value}`, onchange: () => app.update({ flow: value }) });
      return { value, input, el: h('div', { class: 'radio' }, input, h('label', { for: input.id, text: t(`calc.flow.of.${value}`) })) };
    });
    const canvas = h('canvas', { role: 'img', 'aria-label': t('calc.flow.chart') }, h('p', { text: t('calc.flow.chart_fallback') }));
    this.ui = {
      radios,
      canvas,
      chart: flowChart(canvas),
      summary: h('p', { class: 'flow-summary', 'aria-live': 'polite' }),
      figures: h('div', { class: 'flow-figures' }),
    };
    replace(
      el,
      h('fieldset', { class: 'choices' }, h('legend', { text: t('calc.flow.show') }), radios.map((r) => r.el)),
      this.ui.summary,
      h('div', { class: 'chart-and-figures' }, h('div', { class: 'chart chart--flow' }, canvas), this.ui.figures),
    );
    this.sync(app);
  },

  sync(app) {
    for (const r of this.ui.radios) r.input.checked = r.value === app.state.flow;
  },

  render(app) {
    // The questions are asked by their own sections; this one draws whichever is chosen.
    const available = CHOICES.filter((value) => app.results.get(value)?.value);
    const chosen = app.results.get(app.state.flow)?.value ? app.state.flow : available[0];
    for (const r of this.ui.radios) {
      r.input.disabled = !app.results.get(r.value)?.value;
      r.input.checked = r.value === chosen;
    }
    const value = chosen && app.results.get(chosen).value;
    if (!value) {
      replace(this.ui.summary, t('calc.flow.ask'));
      replace(this.ui.figures);
      return;
    }
    const fmt = app.format(value.rate_card.currency);
    this.ui.summary.dataset.answers = chosen;
    this.ui.figures.dataset.answers = chosen;
    const creator = value.flow.find((e) => e.to === 'creator')?.amount ?? '0';
    replace(
      this.ui.summary,
      tParts(`calc.flow.summary.${chosen}`, {
        paid: fmt.money(value.purchase.viewer_pays),
        card: shortName(value.rate_card),
        reaches: h('strong', { text: t('calc.flow.reaches', { amount: fmt.money(creator) }) }),
        percent: fmt.percent(value.creator.percent_of_viewer_pays),
      }),
    );
    replace(this.ui.figures, flowTable(value.flow, value.purchase.viewer_pays, fmt, t('calc.flow.caption')));
    const parts = value.flow.filter((e) => sign(e.amount) !== 0).map((e) => t('calc.flow.part', { to: recipientName(e.to), amount: fmt.money(e.amount) }));
    this.ui.canvas.setAttribute('aria-label', t('calc.flow.bar', { parts: parts.join(t('calc.list.separator')) }));
    this.ui.chart.update([{ label: t('calc.flow.viewer_pays'), flow: value.flow }], fmt);
  },
};

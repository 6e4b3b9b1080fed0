// Where every cent goes: the flow of one answer as a stacked bar, with the figures beside it.
import { sign } from '../decimal.js';
import { h, replace } from '../dom.js';
import { flowTable } from '../answers.js';
import { flowChart } from '../charts.js';
import { shortName } from '../rate-card.js';
import { RECIPIENTS } from '../format.js';

const CHOICES = [
  ['gifts', 'The gifts above'],
  ['coins', 'The coins asked for'],
  ['spend', 'The budget spent'],
  ['cash', 'The creator’s target'],
];

export default {
  id: 'flow',
  nav: 'Every cent',
  title: 'Where every cent goes',
  intro: 'What the viewer pays, split between tax, the app store, payment processing, the platform, the creator and the agency. The parts add up to the cent.',

  mount(el, app) {
    const name = 'flow-choice';
    const radios = CHOICES.map(([value, label]) => {
      const input = h('input', { type: 'radio', name, value, id: `flow-${value}`, onchange: () => app.update({ flow: value }) });
      return { value, input, el: h('div', { class: 'radio' }, input, h('label', { for: input.id, text: label })) };
    });
    const canvas = h('canvas', { role: 'img', 'aria-label': 'Where the money goes' }, h('p', { text: 'A bar chart of the figures in the table beside it.' }));
    this.ui = {
      radios,
      canvas,
      chart: flowChart(canvas),
      summary: h('p', { class: 'flow-summary', 'aria-live': 'polite' }),
      figures: h('div', { class: 'flow-figures' }),
    };
    replace(
      el,
      h('fieldset', { class: 'choices' }, h('legend', { text: 'Show the money of' }), radios.map((r) => r.el)),
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
    const available = CHOICES.filter(([value]) => app.results.get(value)?.value);
    const chosen = app.results.get(app.state.flow)?.value ? app.state.flow : available[0]?.[0];
    for (const r of this.ui.radios) {
      r.input.disabled = !app.results.get(r.value)?.value;
      r.input.checked = r.value === chosen;
    }
    const value = chosen && app.results.get(chosen).value;
    if (!value) {
      replace(this.ui.summary, 'Ask a question above to see where its money goes.');
      replace(this.ui.figures);
      return;
    }
    const fmt = app.format(value.rate_card.currency);
    this.ui.summary.dataset.answers = chosen;
    this.ui.figures.dataset.answers = chosen;
    const creator = value.flow.find((e) => e.to === 'creator')?.amount ?? '0';
    const label = CHOICES.find(([v]) => v === chosen)[1].toLowerCase();
    replace(
      this.ui.summary,
      `Of the ${fmt.money(value.purchase.viewer_pays)} the viewer pays for ${label} on ${shortName(value.rate_card)}, `,
      h('strong', { text: `${fmt.money(creator)} reaches the creator` }),
      ` (${fmt.percent(value.creator.percent_of_viewer_pays)}).`,
    );
    replace(this.ui.figures, flowTable(value.flow, value.purchase.viewer_pays, fmt, 'Every cent of the purchase, and its share of what the viewer pays'));
    this.ui.canvas.setAttribute('aria-label', `Stacked bar: ${value.flow.filter((e) => sign(e.amount) !== 0).map((e) => `${RECIPIENTS[e.to] ?? e.to} ${fmt.money(e.amount)}`).join(', ')}`);
    this.ui.chart.update([{ label: 'Viewer pays', flow: value.flow }], fmt);
  },
};

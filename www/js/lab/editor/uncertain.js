// Figures not known exactly: a parameter (an elasticity, a segment's share, a channel's prices)
// given as a range or a normal distribution, drawn again for every run, so the P5–P95 bands show
// what that doubt does to the results as well as the simulation's own noise.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { bound, button, choices } from '../controls.js';
import { freeParameters } from './calibrate.js';

const KINDS = ['uniform', 'normal'];

/** What may be uncertain in this scenario: [name, label]. */
function parameters(app) {
  const s = app.doc.scenario;
  const cards = Array.isArray(s.channels) ? s.channels.map((c) => c?.rate_card).filter((c) => typeof c === 'string') : [];
  return [
    ...freeParameters(app),
    ['price_multiplier', t('lab.parameter.price_multiplier')],
    ...cards.map((c) => [`price_multiplier:${c}`, t('lab.parameter.price_multiplier_of', { card: c })]),
    ['guardian_approval_rate', t('lab.uncertain.guardian')],
  ];
}

export function uncertainRows(app) {
  const list = Array.isArray(app.doc.scenario.uncertain) ? app.doc.scenario.uncertain : [];
  const options = parameters(app);
  return h(
    'fieldset',
    { class: 'lab-variant', 'data-testid': 'uncertain' },
    h('legend', { text: t('lab.uncertain.title') }),
    h('p', { class: 'field-hint', text: t('lab.uncertain.intro', { decimal: app.fmt.decimal('0.02'), percent: app.fmt.rate('0.02') }) }),
    list.map((u, i) => {
      const at = `scenario.uncertain[${i}]`;
      const normal = u?.distribution === 'normal';
      return h(
        'div',
        { class: 'lab-uncertain' },
        h('div', { class: 'lab-field-row' }, bound(app, `${at}.parameter`, { kind: 'select', label: t('lab.uncertain.figure', { n: i + 1 }), options, rebuild: true })),
        h(
          'div',
          { class: 'lab-field-row' },
          bound(app, `${at}.distribution`, {
            kind: 'select',
            label: t('lab.uncertain.drawn'),
            options: choices('lab.uncertain.kind', KINDS),
            rebuild: true,
            write: (v) => {
              const next = v === 'normal' ? { parameter: u.parameter, distribution: 'normal', mean: u.min ?? '0', sd: '0.1' } : { parameter: u.parameter, distribution: 'uniform', min: u.mean ?? '0', max: u.mean ?? '1' };
              app.edit(at, next, { rebuild: true });
            },
          }),
          h('div', { class: 'field lab-field--button' }, button(t('lab.remove'), () => app.removeAt(at), { label: t('lab.uncertain.remove', { n: i + 1 }), kind: 'button--small button--quiet' })),
        ),
        normal
          ? h(
              'div',
              { class: 'lab-field-row' },
              bound(app, `${at}.mean`, { label: t('lab.uncertain.mean') }),
              bound(app, `${at}.sd`, { label: t('lab.uncertain.sd') }),
              bound(app, `${at}.min`, { label: t('lab.uncertain.min'), optional: true, placeholder: t('lab.uncertain.min_placeholder') }),
              bound(app, `${at}.max`, { label: t('lab.uncertain.max'), optional: true, placeholder: t('lab.uncertain.max_placeholder') }),
            )
          : h('div', { class: 'lab-field-row' }, bound(app, `${at}.min`, { label: t('lab.from') }), bound(app, `${at}.max`, { label: t('lab.to') })),
      );
    }),
    list.length < 12
      ? h(
          'div',
          { class: 'button-row' },
          button(t('lab.uncertain.add'), () => {
            const used = new Set(list.map((u) => u?.parameter));
            const next = options.find(([p]) => !used.has(p))?.[0] ?? 'elasticity';
            const value = next === 'elasticity' ? app.doc.scenario.elasticity ?? '0' : '0';
            app.edit(`scenario.uncertain[${list.length}]`, { parameter: next, distribution: 'normal', mean: String(value), sd: '0.1' }, { rebuild: true, focus: `scenario.uncertain[${list.length}].sd` });
          })
        )
      : null,
  );
}

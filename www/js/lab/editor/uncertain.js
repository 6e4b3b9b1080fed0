// Figures not known exactly: a parameter (an elasticity, a segment's share, a channel's prices)
// given as a range or a normal distribution, drawn again for every run, so the P5–P95 bands show
// what that doubt does to the results as well as the simulation's own noise.
import { h } from '../../dom.js';
import { bound, button } from '../controls.js';
import { freeParameters } from './calibrate.js';

const KINDS = [
  ['uniform', 'anywhere between two values'],
  ['normal', 'around a value (normal)'],
];

/** What may be uncertain in this scenario: [name, label]. */
function parameters(app) {
  const s = app.doc.scenario;
  const cards = Array.isArray(s.channels) ? s.channels.map((c) => c?.rate_card).filter((c) => typeof c === 'string') : [];
  return [
    ...freeParameters(app),
    ['price_multiplier', 'Price multiplier, every channel'],
    ...cards.map((c) => [`price_multiplier:${c}`, `Price multiplier, ${c} only`]),
    ['guardian_approval_rate', 'Chance a guardian approves'],
  ];
}

export function uncertainRows(app) {
  const list = Array.isArray(app.doc.scenario.uncertain) ? app.doc.scenario.uncertain : [];
  const options = parameters(app);
  return h(
    'fieldset',
    { class: 'lab-variant', 'data-testid': 'uncertain' },
    h('legend', { text: 'Figures not known exactly' }),
    h('p', { class: 'field-hint', text: 'Each run draws these again, so the P5–P95 ranges also show what your doubt about them does. Shares and rates as decimals (0.02 is 2 %).' }),
    list.map((u, i) => {
      const at = `scenario.uncertain[${i}]`;
      const normal = u?.distribution === 'normal';
      return h(
        'div',
        { class: 'lab-uncertain' },
        h('div', { class: 'lab-field-row' }, bound(app, `${at}.parameter`, { kind: 'select', label: `Uncertain figure ${i + 1}`, options, rebuild: true })),
        h(
          'div',
          { class: 'lab-field-row' },
          bound(app, `${at}.distribution`, {
            kind: 'select',
            label: 'Drawn',
            options: KINDS,
            rebuild: true,
            write: (v) => {
              const next = v === 'normal' ? { parameter: u.parameter, distribution: 'normal', mean: u.min ?? '0', sd: '0.1' } : { parameter: u.parameter, distribution: 'uniform', min: u.mean ?? '0', max: u.mean ?? '1' };
              app.edit(at, next, { rebuild: true });
            },
          }),
          h('div', { class: 'field lab-field--button' }, button('Remove', () => app.removeAt(at), { label: `Remove uncertain figure ${i + 1}`, kind: 'button--small button--quiet' })),
        ),
        normal
          ? h(
              'div',
              { class: 'lab-field-row' },
              bound(app, `${at}.mean`, { label: 'Mean' }),
              bound(app, `${at}.sd`, { label: 'Standard deviation' }),
              bound(app, `${at}.min`, { label: 'Never below', optional: true, placeholder: 'mean − 4 sd' }),
              bound(app, `${at}.max`, { label: 'Never above', optional: true, placeholder: 'mean + 4 sd' }),
            )
          : h('div', { class: 'lab-field-row' }, bound(app, `${at}.min`, { label: 'From' }), bound(app, `${at}.max`, { label: 'To' })),
      );
    }),
    list.length < 12
      ? h(
          'div',
          { class: 'button-row' },
          button('Add a figure not known exactly', () => {
            const used = new Set(list.map((u) => u?.parameter));
            const next = options.find(([p]) => !used.has(p))?.[0] ?? 'elasticity';
            const value = next === 'elasticity' ? app.doc.scenario.elasticity ?? '0' : '0';
            app.edit(`scenario.uncertain[${list.length}]`, { parameter: next, distribution: 'normal', mean: String(value), sd: '0.1' }, { rebuild: true, focus: `scenario.uncertain[${list.length}].sd` });
          })
        )
      : null,
  );
}

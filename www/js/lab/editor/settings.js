// Creators, the horizon and the Monte Carlo: how many runs, from which seed. The same scenario
// and seed give the same answer, byte for byte, here and on the command line.
import { h } from '../../dom.js';
import { bound, button, group } from '../controls.js';
import { uncertainRows } from './uncertain.js';

export function settingsGroup(app) {
  return group(
    'group-settings',
    'Creators, days and runs',
    'More runs narrow the noise (P5–P95 are over runs); more viewers make each run steadier. A new seed draws other viewers.',
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.creators.count', { kind: 'int', label: 'Creators receiving gifts', placeholder: '1000' }),
      bound(app, 'scenario.creators.zipf_exponent', { label: 'Popularity skew (Zipf exponent)', optional: true, placeholder: '1' }),
    ),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.days', { kind: 'int', label: 'Days' }),
      bound(app, 'scenario.start', { kind: 'text', label: 'First day', optional: true, placeholder: '2026-01-01', hint: 'YYYY-MM-DD' }),
    ),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.runs', { kind: 'int', label: 'Runs', optional: true, placeholder: '1' }),
      bound(app, 'scenario.seed', { kind: 'int', label: 'Seed', optional: true, placeholder: '0' }),
      h(
        'div',
        { class: 'field lab-field--button' },
        button('New seed', () => {
          const [a, b] = crypto.getRandomValues(new Uint32Array(2));
          app.edit('scenario.seed', (a % 2 ** 21) * 2 ** 32 + b, { rebuild: true });
        }, { label: 'Draw a new seed' }),
      ),
    ),
    uncertainRows(app),
  );
}

// Creators, the horizon and the Monte Carlo: how many runs, from which seed. The same scenario
// and seed give the same answer, byte for byte, here and on the command line.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { bound, button, group } from '../controls.js';
import { uncertainRows } from './uncertain.js';

export function settingsGroup(app) {
  return group(
    'group-settings',
    t('lab.settings.title'),
    t('lab.settings.intro'),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.creators.count', { kind: 'int', label: t('lab.settings.creators'), placeholder: '1000' }),
      bound(app, 'scenario.creators.zipf_exponent', { label: t('lab.settings.zipf'), optional: true, placeholder: '1' }),
    ),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.days', { kind: 'int', label: t('lab.settings.days') }),
      bound(app, 'scenario.start', { kind: 'text', label: t('lab.settings.start'), optional: true, placeholder: '2026-01-01', hint: t('lab.date_format') }),
    ),
    h(
      'div',
      { class: 'lab-field-row' },
      bound(app, 'scenario.runs', { kind: 'int', label: t('lab.settings.runs'), optional: true, placeholder: '1' }),
      bound(app, 'scenario.seed', { kind: 'int', label: t('lab.settings.seed'), optional: true, placeholder: '0' }),
      h(
        'div',
        { class: 'field lab-field--button' },
        button(t('lab.settings.new_seed'), () => {
          const [a, b] = crypto.getRandomValues(new Uint32Array(2));
          app.edit('scenario.seed', (a % 2 ** 21) * 2 ** 32 + b, { rebuild: true });
        }, { label: t('lab.settings.new_seed_label') }),
      ),
    ),
    uncertainRows(app),
  );
}

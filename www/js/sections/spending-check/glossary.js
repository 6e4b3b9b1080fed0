// "What these words mean": the few words the spending check cannot do without, in plain words
// (each `calc.glossary.WORD` and its meaning `calc.glossary.WORD_meaning`).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';

const WORDS = ['top_up', 'coins', 'gift', 'limit', 'calendar', 'rolling', 'warning', 'blocked', 'approval', 'where'];

/** The glossary, closed until opened. */
export function glossary() {
  return h(
    'details',
    { class: 'plan-glossary', dataset: { testid: 'glossary' } },
    h('summary', { text: t('calc.glossary.title') }),
    h('dl', { class: 'glossary-list' }, WORDS.map((word) => h('div', null, h('dt', { text: t(`calc.glossary.${word}`) }), h('dd', { text: t(`calc.glossary.${word}_meaning`) })))),
  );
}

// "Controls on the phone and in the app": what the stores' and TikTok's own settings can and
// cannot do about spending, only as far as giftsim's research records it, each with its
// source (Apple's support page, guides to Family Link, TikTok's newsroom). Links only: nothing
// is loaded from another site. Each control's words are `calc.controls.ID.*` in the catalogue
// (its name, what it can and cannot do, its sources' titles); the addresses are here.
import { h, sourceLink } from '../../dom.js';
import { t } from '../../i18n.js';

const CONTROLS = [
  { id: 'apple', can: 2, cannot: 1, sources: ['https://support.apple.com/en-au/HT201089'] },
  {
    id: 'play_approvals',
    can: 2,
    cannot: 1,
    sources: ['https://www.androidpolice.com/google-play-store-purchase-requests-tutorial/', 'https://whys.video/How-do-I-approve-in-app-purchases-on-family-link'],
  },
  { id: 'play_budget', can: 1, cannot: 1, sources: [null] },
  {
    id: 'tiktok',
    can: 1,
    cannot: 2,
    sources: ['https://newsroom.tiktok.com/en-us/three-tiktok-features-every-parent-should-know', 'https://newsroom.tiktok.com/en-gb/updating-our-gifting-policies'],
  },
];

/** `calc.controls.ID.KIND_1`, `…_2`… : the lines of a control's list. */
const lines = (id, kind, n) => Array.from({ length: n }, (_, i) => t(`calc.controls.${id}.${kind}_${i + 1}`));

/** The list of controls, closed until opened. */
export function controls() {
  return h(
    'details',
    { class: 'plan-controls', dataset: { testid: 'controls' } },
    h('summary', { text: t('calc.controls.title') }),
    h('p', { class: 'muted', text: t('calc.controls.intro') }),
    h(
      'ul',
      { class: 'controls-list' },
      CONTROLS.map((c) =>
        h(
          'li',
          { class: 'control' },
          h('h4', { text: t(`calc.controls.${c.id}.name`) }),
          h('p', { class: 'control-label', text: t('calc.controls.can') }),
          h('ul', null, lines(c.id, 'can', c.can).map((text) => h('li', { text }))),
          h('p', { class: 'control-label', text: t('calc.controls.cannot') }),
          h('ul', null, lines(c.id, 'cannot', c.cannot).map((text) => h('li', { text }))),
          h(
            'p',
            { class: 'control-sources muted' },
            t('calc.controls.source'),
            ' ',
            c.sources.map((href, i) => {
              const text = t(`calc.controls.${c.id}.source_${i + 1}`);
              return [i ? '; ' : '', href ? sourceLink(href, text) : text];
            }),
          ),
        ),
      ),
    ),
  );
}

// "Controls on the phone and in the app": what the stores' and TikTok's own settings can and
// cannot do about spending, only as far as giftsim's research records it, each with its
// source (Apple's support page, guides to Family Link, TikTok's newsroom). Links only: nothing
// is loaded from another site.
import { h, sourceLink } from '../../dom.js';

const CONTROLS = [
  {
    name: 'Apple Ask to Buy (Family Sharing)',
    can: [
      'A parent approves or declines each purchase before it happens, in-app purchases (like coins in the iPhone app) included.',
      'On by default for children under 13; can be turned on for anyone under 18 in Family Sharing.',
    ],
    cannot: ['It covers purchases through Apple’s App Store only: coins bought on the app’s website are not App Store purchases.'],
    sources: [['https://support.apple.com/en-au/HT201089', 'Apple Support: Ask to Buy']],
  },
  {
    name: 'Google Play purchase approvals (Family Link)',
    can: [
      'A parent chooses what needs approval: all content, only paid content, only in-app purchases, or nothing.',
      'The child can send a purchase request for the parent to answer.',
    ],
    cannot: ['It covers purchases through Google Play only: coins bought on the app’s website are not Google Play purchases.'],
    sources: [
      ['https://www.androidpolice.com/google-play-store-purchase-requests-tutorial/', 'Android Police: purchase requests'],
      ['https://whys.video/How-do-I-approve-in-app-purchases-on-family-link', 'How to approve in-app purchases in Family Link'],
    ],
  },
  {
    name: 'Google Play budget',
    can: ['A monthly budget, in the currency of the Google Play country, with warnings as purchases come near it or pass it.'],
    cannot: ['It never blocks a purchase: it only warns. (giftsim has it as the “Google Play budget” rules.)'],
    sources: [[null, 'SlashGear (2019) and IOL (2020), as giftsim’s research records them']],
  },
  {
    name: 'TikTok Family Pairing',
    can: ['Links a parent’s account to their teen’s: a screen-time limit, restricted mode, and who may send messages and comments.'],
    cannot: [
      'No limit on buying coins or sending gifts was found in it: TikTok points parents to the App Store’s and Google Play’s purchase settings.',
      'TikTok itself allows buying coins and sending gifts from 18 only (19 in South Korea).',
    ],
    sources: [
      ['https://newsroom.tiktok.com/en-us/three-tiktok-features-every-parent-should-know', 'TikTok newsroom: features every parent should know'],
      ['https://newsroom.tiktok.com/en-gb/updating-our-gifting-policies', 'TikTok newsroom: gifting policies'],
    ],
  },
];

/** The list of controls, closed until opened. */
export function controls() {
  return h(
    'details',
    { class: 'plan-controls', dataset: { testid: 'controls' } },
    h('summary', { text: 'Controls on the phone and in the app' }),
    h('p', { class: 'muted', text: 'Limits set here are a plan to agree on; these settings are what the phone and the app can enforce.' }),
    h(
      'ul',
      { class: 'controls-list' },
      CONTROLS.map((c) =>
        h(
          'li',
          { class: 'control' },
          h('h4', { text: c.name }),
          h('p', { class: 'control-label', text: 'Can' }),
          h('ul', null, c.can.map((t) => h('li', { text: t }))),
          h('p', { class: 'control-label', text: 'Cannot' }),
          h('ul', null, c.cannot.map((t) => h('li', { text: t }))),
          h('p', { class: 'control-sources muted' }, 'Source: ', c.sources.map(([href, text], i) => [i ? '; ' : '', href ? sourceLink(href, text) : text])),
        ),
      ),
    ),
  );
}

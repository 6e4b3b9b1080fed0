// "What these words mean": the few words the spending check cannot do without, in plain words.
import { h } from '../../dom.js';

const WORDS = [
  ['Top-up', 'Buying coins with real money, in the app or on the website.'],
  ['Coins', 'The app’s own money: bought with real money, spent on gifts.'],
  ['Gift', 'A picture or animation sent to someone who is live, paid for with coins. The person live gets part of its value.'],
  ['Limit (or cap)', 'The most money that may be spent in one top-up or in a stretch of time. A top-up that would go past it is blocked: it does not happen.'],
  ['Calendar day, week, month', 'Counted on the calendar where the young person lives: a day from midnight to midnight, a week from Monday to Sunday, a month from the 1st to its last day. A new day, week or month starts from zero.'],
  ['Rolling 24 hours (or 7 or 30 days)', 'Counted back from each purchase: the 24 hours before it, whatever the clock says. Some countries’ rules count this way; midnight does not start again from zero.'],
  ['Warning', 'A message when a share of a limit is used (for example half, then four fifths). The purchase still happens.'],
  ['Blocked', 'Not allowed: the purchase or gift does not happen.'],
  ['Guardian approval', 'A parent or guardian says yes to a purchase before it happens, like Apple’s Ask to Buy.'],
  ['The rules where they live', 'The laws, guidelines and the app’s own policies that giftsim knows of for the young person’s country (or US state), each used from the day it holds.'],
];

/** The glossary, closed until opened. */
export function glossary() {
  return h(
    'details',
    { class: 'plan-glossary', dataset: { testid: 'glossary' } },
    h('summary', { text: 'What these words mean' }),
    h('dl', { class: 'glossary-list' }, WORDS.map(([term, meaning]) => h('div', null, h('dt', { text: term }), h('dd', { text: meaning })))),
  );
}

// An audit's answer as a report a regulator or a journalist can read and print: what the audit
// found (each finding with the principle it serves), what each gift costs against its cheapest
// purchase, the price ladder and the layers of currency, the rules of the region on the day with
// their legal status and its history, the platform's other channels, and the command that gives
// the same answer. Money is shown with every digit the engine gave, in the card's currency.
import { compare } from '../../decimal.js';
import { h, replace, table } from '../../dom.js';
import { WINDOW_PHRASES } from '../../time.js';
import { regionName } from '../regions.js';

/** What a rule set is, legally, on a day (the engine's `status`), in words. */
const STATUS_WORDS = {
  in_force: 'in force',
  not_yet_applicable: 'not yet applicable: enacted, its duties start later',
  enjoined: 'enjoined by a court: blocked, not enforced',
  draft: 'a draft, not enacted',
  withdrawn: 'withdrawn or repealed',
  guidance: 'a regulator’s guidance, not binding',
  self_regulation: 'self-regulation, followed by agreement',
  platform_policy: 'the platform’s own policy',
};

const ACTION_WORDS = { buy: 'Buying coins', gift: 'Sending gifts' };
const ENFORCEMENT_WORDS = { hard: 'blocked above it', soft: 'a warning above it' };
const LEVELS = { warn: { label: 'Warning', icon: '⚠' }, info: { label: 'Note', icon: 'ℹ' } };

/** The report's last line, on screen and on paper. */
const REPORT_FOOTER = 'Computed by giftsim from the card’s published prices; figures as sourced in the presets.';

/**
 * The answer `answer` to `request`; `formatFor(currency)` formats money of that currency in the
 * lab's locale, `library` gives each rule set's currency, `onPrint` prints the report and
 * `onSaveRequest` saves the request as the command line's file.
 */
export function renderAudit(answer, { request, formatFor, library, onPrint, onSaveRequest }) {
  const card = answer.rate_card;
  const fmt = formatFor(card.currency);
  const dates = dateFormat(fmt.locale);
  const rules = answer.rules ?? null;
  const channels = answer.channels ?? [];
  const warnings = answer.findings.filter((f) => f.level === 'warn').length;
  const notes = answer.findings.length - warnings;

  const summary = h(
    'div',
    { class: 'lab-results-summary lab-audit-report', 'data-testid': 'audit-report' },
    h(
      'div',
      { class: 'lab-audit-title-row' },
      h('div', null, h('p', { class: 'lab-audit-kicker', text: 'Rate card audit' }), h('h3', { class: 'lab-audit-title', text: card.name })),
      h('button', { type: 'button', class: 'button button--small lab-audit-print', text: 'Print report', onclick: onPrint }),
    ),
    h(
      'dl',
      { class: 'facts facts--compact lab-audit-facts' },
      h('div', null, h('dt', { text: 'Card' }), h('dd', { text: `${card.id}, version ${card.version}` })),
      h('div', null, h('dt', { text: 'Figures as of' }), h('dd', { text: card.as_of ?? 'not dated' })),
      h('div', null, h('dt', { text: 'Currency' }), h('dd', { text: card.currency })),
      h('div', null, h('dt', { text: 'Region' }), h('dd', { text: rules ? `${regionName(rules.region)} (${rules.region})` : 'None: no rules listed' })),
      h('div', null, h('dt', { text: 'Rules as of' }), h('dd', { text: rules ? dates.day(rules.date) : '—' })),
    ),
    h('p', { class: 'lab-summary-line', 'data-testid': 'audit-verdict' }, capitalized(count(warnings, 'warning')), ' and ', count(notes, 'note'), channels.length ? ` on this card; ${channels.length === 1 ? 'one other channel' : `${channels.length} other channels`} below.` : '.'),
    findingList(answer.findings, 'audit-findings'),
  );

  return [
    summary,
    panel('audit-gifts', 'What each gift costs', giftIntro(answer), answer.gifts.length ? h('p', { class: 'lab-panel-intro lab-screen-only', text: 'Press a column’s heading to sort the gifts by it; again for the other way.' }) : null, giftTable(answer, fmt, 'audit-gift-table')),
    panel('audit-ladder', 'The price ladder and the layers of currency', null, ladder(answer.ladder, fmt)),
    rules ? rulesPanel(rules, { dates, formatFor, library }) : panel('audit-rules', 'Rules of a region', null, h('p', { class: 'muted lab-audit-no-rules', text: 'No region was chosen, so no age rules or caps are listed. Pick a region and a day under Audit a rate card, then press Audit.' })),
    channels.length ? channelsPanel(channels, formatFor) : null,
    commandPanel(request, onSaveRequest),
    h('p', { class: 'lab-audit-footer', 'data-testid': 'audit-footer', text: REPORT_FOOTER }),
  ].filter(Boolean);
}

const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** "1 warning", "2 notes", "no warnings". */
function count(n, word) {
  return n === 0 ? `no ${word}s` : n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

function panel(id, title, intro, ...content) {
  return h(
    'section',
    { class: `lab-result-panel lab-audit-panel lab-audit-panel--${id}`, 'aria-labelledby': `${id}-title`, 'data-testid': id },
    h('h3', { id: `${id}-title`, text: title }),
    intro ? h('p', { class: 'lab-panel-intro', text: intro }) : null,
    content,
  );
}

/** Findings as sentences: the level in words and a sign (not only a colour), then the principle. */
function findingList(findings, testid) {
  if (!findings.length) return h('p', { class: 'muted', text: 'Nothing to report.' });
  return h(
    'ul',
    { class: 'lab-findings', 'data-testid': testid },
    findings.map((f) => {
      const level = LEVELS[f.level] ?? { label: f.level, icon: '•' };
      return h(
        'li',
        { class: `lab-finding lab-finding--${f.level === 'warn' ? 'warn' : 'info'}`, 'data-code': f.code },
        h('p', { class: 'lab-finding-message' }, h('span', { class: 'lab-finding-level' }, h('span', { 'aria-hidden': 'true', text: `${level.icon} ` }), `${level.label}: `), f.message),
        h('p', { class: 'lab-finding-principle' }, h('span', { class: 'lab-finding-principle-label', text: 'Principle: ' }), f.principle),
      );
    }),
  );
}

/** What the gift table's columns mean, with the card's own name for its coins. */
function giftIntro(answer) {
  if (!answer.gifts.length) return null;
  const coins = coinName(answer.ladder);
  return `At the best rate: the gift’s ${coins} at the card’s lowest price per coin, as if any number could be bought. Cheapest purchase: the least money that buys enough ${coins}, packs bought whole (how many, and which: packs × ${coins}), and the ${coins} it leaves over. Fewest possible: the fewest ${coins} any purchase leaves over (0: the exact amount can be bought). Overspend: how much more the cheapest purchase costs than the gift at the best rate.`;
}

/** What the platform calls the coins a viewer buys ("Coins", "Bits"). */
function coinName(ladder) {
  return ladder.currency_layers.find((l) => l.purchasable)?.name ?? 'coins';
}

/** The gift table's columns: head, how a row shows it, how rows sort by it, numeric or not. */
function giftColumns(fmt, coins) {
  const byDecimal = (get) => (a, b) => compare(get(a), get(b)) ?? 0;
  const byNumber = (get) => (a, b) => get(a) - get(b);
  return [
    { head: 'Gift', cell: (g) => g.name, sort: (a, b) => a.name.localeCompare(b.name, fmt.locale) },
    { head: coins, cell: (g) => fmt.count(g.coins), sort: byNumber((g) => g.coins), numeric: true },
    { head: 'At best rate', cell: (g) => fmt.money(g.price_at_best_rate), sort: byDecimal((g) => g.price_at_best_rate), numeric: true },
    { head: 'Cheapest purchase', cell: (g) => fmt.money(g.cheapest_purchase.price), sort: byDecimal((g) => g.cheapest_purchase.price), numeric: true },
    {
      head: 'Purchases',
      cell: (g) => h('span', null, fmt.count(g.cheapest_purchase.purchase_count), h('span', { class: 'lab-sub' }, purchaseLines(g.cheapest_purchase.lines, fmt))),
      sort: byNumber((g) => g.cheapest_purchase.purchase_count),
      numeric: true,
    },
    { head: 'Left over', cell: (g) => fmt.count(g.cheapest_purchase.leftover_coins), sort: byNumber((g) => g.cheapest_purchase.leftover_coins), numeric: true },
    { head: 'Fewest possible', cell: (g) => fmt.count(g.min_leftover_coins), sort: byNumber((g) => g.min_leftover_coins), numeric: true },
    { head: 'Overspend', cell: (g) => fmt.share(g.forced_overspend, '1'), sort: byDecimal((g) => g.forced_overspend), numeric: true },
  ];
}

/** "85 × 330, 30 × 65" (packs × coins; a custom amount as "1 × 1,234 (custom amount)"), each
 * line kept whole when the cell wraps. */
function purchaseLines(lines, fmt) {
  return lines.map((l, i) => [i ? ', ' : '', h('span', { class: 'lab-nowrap', text: `${fmt.count(l.count)} × ${fmt.count(l.coins)}${l.custom ? ' (custom amount)' : ''}` })]);
}

/**
 * Every gift of an audit in a table that sorts by any column (a header's button; again for the
 * other way), in a box that scrolls sideways on a narrow screen, with a hint when it does.
 */
function giftTable(audit, fmt, testid) {
  if (!audit.gifts.length) return h('p', { class: 'muted', text: 'This card has no gifts: viewers pay amounts of money directly, so no gift is audited.' });
  const coins = coinName(audit.ladder);
  const columns = giftColumns(fmt, coins);
  const box = h('div', { class: 'lab-audit-gifts', 'data-testid': testid });
  const state = { column: null, descending: false };
  const draw = (focusColumn) => {
    const order = audit.gifts.map((g, i) => ({ g, i }));
    if (state.column !== null) {
      const by = columns[state.column].sort;
      order.sort((a, b) => (state.descending ? -1 : 1) * by(a.g, b.g) || a.i - b.i);
    }
    const head = columns.map((c, i) =>
      h(
        'button',
        {
          type: 'button',
          class: 'lab-sort',
          'aria-label': `${c.head}: sort ${state.column === i && !state.descending ? 'from highest to lowest' : 'from lowest to highest'}`,
          onclick: () => {
            state.descending = state.column === i ? !state.descending : false;
            state.column = i;
            draw(i);
          },
        },
        c.head,
        state.column === i ? h('span', { class: 'lab-sort-mark', 'aria-hidden': 'true', text: state.descending ? ' ▼' : ' ▲' }) : null,
      ),
    );
    const wrap = table({
      caption: `Each gift of ${audit.rate_card.id}, in ${audit.rate_card.currency}${state.column === null ? '' : `, sorted by ${columns[state.column].head.toLowerCase()}`}`,
      head,
      rows: order.map(({ g }) => ({ className: g.min_leftover_coins > 0 ? 'lab-is-forced' : null, cells: columns.map((c) => c.cell(g)) })),
      numeric: columns.flatMap((c, i) => (c.numeric ? [i] : [])),
      className: 'table lab-table--compact lab-table--audit',
    });
    const ths = wrap.querySelectorAll('thead th');
    ths.forEach((th, i) => th.setAttribute('aria-sort', state.column === i ? (state.descending ? 'descending' : 'ascending') : 'none'));
    replace(box, scrollHint(), wrap);
    if (focusColumn !== undefined) ths[focusColumn]?.querySelector('button')?.focus();
  };
  draw();
  return box;
}

/** Shown above a table only while it is wider than the screen (lab.css: its box then scrolls). */
function scrollHint() {
  return h('p', { class: 'lab-scroll-hint', text: 'The table is wider than the screen: scroll it sideways to see every column.' });
}

/** The ladder: whether bigger packs are cheaper per coin (and where not), the best offer, the
 * offers limited to a few purchases, the layers. */
function ladder(l, fmt, { brief = false } = {}) {
  const coins = coinName(l);
  const best = l.best_value_bundle;
  const offers = `${l.bundles === 1 ? '1 pack' : `${fmt.count(l.bundles)} packs`} on sale${l.custom_amount ? ', and any amount' : ''}`;
  const falls = l.per_coin_monotone
    ? 'Yes: a bigger pack never costs more per coin.'
    : `No: a bigger pack is not always cheaper per coin (${l.breaks.length === 1 ? 'one pair' : `${fmt.count(l.breaks.length)} pairs`} of packs below).`;
  const layers = l.currency_layers.map((x) => x.name).join(' → ');
  // Offers bought only a few times (a first-purchase pack); engines before them give none.
  const limited = l.limited_offers ?? [];
  const facts = h(
    'dl',
    { class: 'facts facts--stack lab-audit-ladder' },
    h('div', null, h('dt', { text: 'Does the price per coin fall as packs grow?' }), h('dd', { class: l.per_coin_monotone ? null : 'lab-audit-no', 'data-testid': 'ladder-monotone', text: falls })),
    h('div', null, h('dt', { text: 'Best value' }), h('dd', { text: best.custom ? `Any amount, at ${fmt.money(best.price_per_coin)} per coin` : `${fmt.count(best.coins)} ${coins} for ${fmt.money(best.price)}: ${fmt.money(best.price_per_coin)} per coin` })),
    h('div', null, h('dt', { text: 'Offers' }), h('dd', { text: offers })),
    limited.length
      ? h(
          'div',
          null,
          h('dt', { text: 'Limited offers' }),
          h('dd', { 'data-testid': 'ladder-limited' }, limited.map((o) => `${fmt.count(o.coins)} ${coins} for ${fmt.money(o.price)} (${fmt.money(o.price_per_coin)} per coin), ${o.max_purchases === 1 ? 'once only' : `at most ${fmt.count(o.max_purchases)} times`}`).join('; '), h('span', { class: 'lab-sub', text: 'Left out of the checks above and of the best value, as they cannot be bought at will.' })),
        )
      : null,
    h('div', null, h('dt', { text: 'Layers of currency' }), h('dd', null, h('span', { class: 'lab-audit-layers', 'data-testid': 'ladder-layers', text: layers }), h('span', { class: 'lab-sub', text: layerSentence(l) }))),
  );
  if (brief || l.per_coin_monotone) return facts;
  return [
    facts,
    scrollHint(),
    table({
      caption: `Where a bigger pack costs more per ${coins.replace(/s$/, '').toLowerCase()} than a smaller one`,
      head: ['Smaller pack', 'Per coin', 'Bigger pack', 'Per coin'],
      rows: l.breaks.map((b) => [`${fmt.count(b.smaller)} ${coins}`, fmt.money(b.smaller_price_per_coin), `${fmt.count(b.larger)} ${coins}`, fmt.money(b.larger_price_per_coin)]),
      numeric: [0, 1, 2, 3],
      className: 'table lab-table--compact lab-table--breaks',
    }),
  ];
}

/** "3 conversions between the viewer’s money and the creator’s cash; the viewer buys Coins." */
function layerSentence(l) {
  const bought = l.currency_layers.filter((x) => x.purchasable).map((x) => x.name);
  const held = (who) => l.currency_layers.filter((x) => x.held_by === who).map((x) => x.name);
  const conversions = l.conversions === 1 ? '1 conversion' : `${l.conversions} conversions`;
  return `${conversions} between the viewer’s money and the creator’s cash. The viewer holds ${held('viewer').join(' and ') || 'nothing'}${bought.length ? ` (buys ${bought.join(' and ')} with money)` : ''}; the creator holds ${held('creator').join(' and ') || 'nothing'}.`;
}

/** Dates as the locale writes them: a day, a month or a year (as the registry dates them). */
function dateFormat(locale) {
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const at = (text) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text));
    if (!m) return String(text);
    const [, y, mo, d] = m;
    if (!mo) return y;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1)));
    return d ? long.format(date) : month.format(date);
  };
  return { day: at };
}

/** The rules that hold in the region on the day: each rule set, its status and its history. */
function rulesPanel(rules, { dates, formatFor, library }) {
  const where = `${regionName(rules.region)} (${rules.region})`;
  const applied = rules.rule_sets.filter((r) => r.applies).length;
  return panel(
    'audit-rules',
    `Rules in ${where} on ${dates.day(rules.date)}`,
    `Every rule set in giftsim’s registry that covers ${where} and this card’s platform and channel, whether it applies on the day or not: ${applied} of ${rules.rule_sets.length} apply.`,
    rules.rule_sets.length
      ? h('div', { class: 'lab-rules' }, rules.rule_sets.map((r) => ruleSet(r, { dates, fmt: formatFor(library.ruleSetById.get(r.id)?.currency ?? 'USD') })))
      : h('p', { class: 'muted', text: 'The registry has no rules for this region and card.' }),
  );
}

function ruleSet(r, { dates, fmt }) {
  const status = r.status ? STATUS_WORDS[r.status] ?? r.status : 'not yet recorded on this day';
  const ages = r.min_age;
  const age = (n) => (n > 0 ? fmt.count(n) : 'none');
  const noMinimum = ages.buy === 0 && ages.gift === 0 && ages.receive === 0;
  return h(
    'article',
    { class: `lab-rule${r.applies ? ' lab-rule--applies' : ''}`, 'data-testid': `rule-${r.id}` },
    h('h4', { class: 'lab-rule-name', text: r.name }),
    h(
      'p',
      { class: 'lab-rule-status' },
      h('span', { class: `lab-rule-applies lab-rule-applies--${r.applies ? 'yes' : 'no'}`, 'data-testid': 'rule-applies' }, h('span', { 'aria-hidden': 'true', text: r.applies ? '✓ ' : '✗ ' }), r.applies ? 'Applies on this day' : 'Does not apply on this day'),
      ' ',
      h('span', { 'data-testid': 'rule-status' }, 'Status on this day: ', h('strong', { text: status }), '.'),
    ),
    h(
      'dl',
      { class: 'facts facts--stack lab-rule-facts' },
      h('div', null, h('dt', { text: 'Id' }), h('dd', { text: r.id })),
      r.instrument ? h('div', null, h('dt', { text: 'Instrument' }), h('dd', { text: r.instrument })) : null,
      h('div', null, h('dt', { text: 'Where' }), h('dd', { text: r.jurisdiction ? `${regionName(r.jurisdiction)} (${r.jurisdiction})` : 'Everywhere the platform operates' })),
      h('div', null, h('dt', { text: 'Minimum age' }), h('dd', { text: noMinimum ? 'None' : `to buy: ${age(ages.buy)}; to send gifts: ${age(ages.gift)}; to receive gifts: ${age(ages.receive)}` })),
      r.brackets.length ? h('div', null, h('dt', { text: 'By age' }), h('dd', null, h('ul', { class: 'lab-rule-brackets' }, r.brackets.map((b) => bracket(b, fmt))))) : null,
    ),
    r.status_history.length
      ? h(
          'div',
          { class: 'lab-rule-history' },
          h('p', { class: 'lab-rule-history-title', text: 'Status history' }),
          h(
            'ol',
            { 'data-testid': 'rule-history' },
            r.status_history.map((s) => h('li', null, h('span', { class: 'lab-rule-from' }, 'From ', h('time', { datetime: s.from, text: dates.day(s.from) }), ': '), h('strong', { text: STATUS_WORDS[s.status] ?? s.status }), s.note ? h('span', { class: 'lab-rule-note', text: ` — ${s.note}` }) : null)),
          ),
        )
      : null,
    r.notes ? h('p', { class: 'lab-rule-notes' }, h('span', { class: 'lab-finding-principle-label', text: 'Notes: ' }), r.notes) : null,
  );
}

/** "Ages 8 to 15: buying coins at most ¥50.00 per top-up or gift (blocked above it)". */
function bracket(b, fmt) {
  const ages = capitalized(b.ages);
  const parts = [];
  if (b.guardian_approval) parts.push('a parent or guardian must approve each purchase');
  for (const c of b.caps) parts.push(`${(ACTION_WORDS[c.action] ?? c.action).toLowerCase()}: at most ${fmt.money(c.limit)} ${WINDOW_PHRASES[c.window] ?? c.window} (${ENFORCEMENT_WORDS[c.enforcement] ?? c.enforcement})`);
  if (!parts.length) parts.push('no cap and no approval');
  return h('li', null, h('strong', { text: `${ages}: ` }), parts.join('; '), '.');
}

/** The platform's other cards: each one's findings, then its ladder and gift table folded. */
function channelsPanel(channels, formatFor) {
  return panel(
    'audit-channels',
    'The platform’s other channels',
    'The same audit of every other card of the platform: other app stores, the web, other currencies. Each one’s ladder and gift table are folded: unfold them to read them, and to print them.',
    channels.map((c) => {
      const fmt = formatFor(c.rate_card.currency);
      const warnings = c.findings.filter((f) => f.level === 'warn').length;
      const notes = c.findings.length - warnings;
      return h(
        'article',
        { class: 'lab-audit-channel', 'data-testid': `audit-channel-${c.rate_card.id}` },
        h('h4', { class: 'lab-audit-channel-name' }, c.rate_card.name, h('span', { class: 'lab-sub', text: `${c.rate_card.id}, version ${c.rate_card.version}${c.rate_card.as_of ? `, figures as of ${c.rate_card.as_of}` : ''} · ${count(warnings, 'warning')} and ${count(notes, 'note')}` })),
        findingList(c.findings, `audit-channel-findings-${c.rate_card.id}`),
        h(
          'details',
          { class: 'lab-audit-channel-more' },
          h('summary', { text: `Its price ladder and ${c.gifts.length === 1 ? 'its gift' : `its ${c.gifts.length} gifts`}` }),
          h('div', { class: 'lab-audit-channel-body' }, ladder(c.ladder, fmt, { brief: true }), giftTable(c, fmt, `audit-gift-table-${c.rate_card.id}`)),
        ),
      );
    }),
  );
}

/** The same audit on the command line: the command, the request, and a button to save it. */
function commandPanel(request, onSaveRequest) {
  const text = JSON.stringify(request, null, 2);
  const long = text.length > 600;
  return panel(
    'audit-cli',
    'The same audit on the command line',
    'Save the request as audit.json and run it: the answer is this report’s, figure for figure.',
    h('p', { class: 'lab-audit-command' }, h('code', { 'data-testid': 'audit-command', text: 'giftsim audit audit.json' })),
    h('pre', { class: `lab-audit-request${long ? ' is-long' : ''}`, 'data-testid': 'audit-request', tabindex: '0', role: 'group', 'aria-label': 'audit.json' }, h('code', { text })),
    long ? h('p', { class: 'lab-print-only muted', text: 'The request holds the card’s figures in full: save it from the lab.' }) : null,
    h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'button button--small', text: 'Save audit.json', onclick: onSaveRequest })),
  );
}

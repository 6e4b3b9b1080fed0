// An audit's answer as a report a regulator or a journalist can read and print: what the audit
// found (each finding with the principle it serves), what each gift costs against its cheapest
// purchase, the price ladder and the layers of currency, the rules of the region on the day with
// their legal status and its history, the platform's other channels, and the command that gives
// the same answer. Money is shown with every digit the engine gave, in the card's currency.
// The engine's own sentences (each finding and its principle, rules' names, notes and history)
// are in English: they are marked so, for assistive technology.
import { compare } from '../../decimal.js';
import { h, replace } from '../../dom.js';
import { formatList, has, t, tParts, textLocale } from '../../i18n.js';
import { regionName } from '../regions.js';
import { table } from './common.js';

/** What a rule set is, legally, on a day (the engine's `status`), in words: `lab.status.STATUS`. */
const statusWords = (status) => (has(`lab.status.${status}`) ? t(`lab.status.${status}`) : String(status));

/** A level of finding in words and a sign (not only a colour). */
const LEVELS = { warn: { label: 'lab.audit.level.warn', icon: '⚠' }, info: { label: 'lab.audit.level.info', icon: 'ℹ' } };

/**
 * The answer `answer` to `request`; `formatFor(currency)` formats money of that currency in the
 * lab's locale, `library` gives each rule set's currency, `onPrint` prints the report and
 * `onSaveRequest` saves the request as the command line's file.
 */
export function renderAudit(answer, { request, formatFor, library, onPrint, onSaveRequest }) {
  const card = answer.rate_card;
  const fmt = formatFor(card.currency);
  const dates = dateFormat(textLocale());
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
      h('div', null, h('p', { class: 'lab-audit-kicker', text: t('lab.audit.kicker') }), h('h3', { class: 'lab-audit-title', lang: 'en', text: card.name })),
      h('button', { type: 'button', class: 'button button--small lab-audit-print', text: t('lab.audit.print'), onclick: onPrint }),
    ),
    h(
      'dl',
      { class: 'facts facts--compact lab-audit-facts' },
      h('div', null, h('dt', { text: t('lab.audit.fact.card') }), h('dd', { text: t('lab.audit.card_version', { id: card.id, version: String(card.version) }) })),
      h('div', null, h('dt', { text: t('lab.audit.fact.as_of') }), h('dd', { text: card.as_of ?? t('lab.audit.not_dated') })),
      h('div', null, h('dt', { text: t('lab.audit.fact.currency') }), h('dd', { text: card.currency })),
      h('div', null, h('dt', { text: t('lab.audit.region') }), h('dd', { text: rules ? t('lab.region.option', { name: regionName(rules.region), code: rules.region }) : t('lab.audit.region_none') })),
      h('div', null, h('dt', { text: t('lab.audit.fact.rules_as_of') }), h('dd', { text: rules ? dates.day(rules.date) : '—' })),
    ),
    h(
      'p',
      { class: 'lab-summary-line', 'data-testid': 'audit-verdict' },
      t(channels.length ? 'lab.audit.verdict_channels' : 'lab.audit.verdict', {
        warnings: t('lab.audit.warnings', { count: warnings }),
        notes: t('lab.audit.notes', { count: notes }),
        channels: t('lab.audit.other_channels', { count: channels.length }),
      }),
    ),
    findingList(answer.findings, 'audit-findings'),
  );

  return [
    summary,
    panel('audit-gifts', t('lab.audit.gifts_title'), giftIntro(answer), answer.gifts.length ? h('p', { class: 'lab-panel-intro lab-screen-only', text: t('lab.audit.sort_hint') }) : null, giftTable(answer, fmt, 'audit-gift-table')),
    panel('audit-ladder', t('lab.audit.ladder_title'), null, ladder(answer.ladder, fmt)),
    rules ? rulesPanel(rules, { dates, formatFor, library }) : panel('audit-rules', t('lab.audit.rules_title'), null, h('p', { class: 'muted lab-audit-no-rules', text: t('lab.audit.no_rules') })),
    channels.length ? channelsPanel(channels, formatFor) : null,
    commandPanel(request, onSaveRequest),
    h('p', { class: 'lab-audit-footer', 'data-testid': 'audit-footer', text: t('lab.audit.footer') }),
  ].filter(Boolean);
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
  if (!findings.length) return h('p', { class: 'muted', text: t('lab.audit.nothing') });
  return h(
    'ul',
    { class: 'lab-findings', 'data-testid': testid },
    findings.map((f) => {
      const level = LEVELS[f.level];
      return h(
        'li',
        { class: `lab-finding lab-finding--${f.level === 'warn' ? 'warn' : 'info'}`, 'data-code': f.code },
        h('p', { class: 'lab-finding-message' }, h('span', { class: 'lab-finding-level' }, h('span', { 'aria-hidden': 'true', text: `${level?.icon ?? '•'} ` }), t('lab.audit.label', { label: level ? t(level.label) : f.level })), h('span', { lang: 'en', text: f.message })),
        h('p', { class: 'lab-finding-principle' }, h('span', { class: 'lab-finding-principle-label', text: t('lab.audit.label', { label: t('lab.audit.principle') }) }), h('span', { lang: 'en', text: f.principle })),
      );
    }),
  );
}

/** What the gift table's columns mean, with the card's own name for its coins. */
function giftIntro(answer) {
  if (!answer.gifts.length) return null;
  return t('lab.audit.gifts_intro', { coins: coinName(answer.ladder) });
}

/** What the platform calls the coins a viewer buys ("Coins", "Bits"). */
function coinName(ladder) {
  return ladder.currency_layers.find((l) => l.purchasable)?.name ?? t('lab.card.coins');
}

/** The gift table's columns: head, how a row shows it, how rows sort by it, numeric or not. */
function giftColumns(fmt, coins) {
  const byDecimal = (get) => (a, b) => compare(get(a), get(b)) ?? 0;
  const byNumber = (get) => (a, b) => get(a) - get(b);
  return [
    { head: t('lab.audit.col.gift'), cell: (g) => g.name, sort: (a, b) => a.name.localeCompare(b.name, textLocale()) },
    { head: coins, cell: (g) => fmt.count(g.coins), sort: byNumber((g) => g.coins), numeric: true },
    { head: t('lab.audit.col.best_rate'), cell: (g) => fmt.money(g.price_at_best_rate), sort: byDecimal((g) => g.price_at_best_rate), numeric: true },
    { head: t('lab.audit.col.cheapest'), cell: (g) => fmt.money(g.cheapest_purchase.price), sort: byDecimal((g) => g.cheapest_purchase.price), numeric: true },
    {
      head: t('lab.audit.col.purchases'),
      cell: (g) => h('span', null, fmt.count(g.cheapest_purchase.purchase_count), h('span', { class: 'lab-sub' }, purchaseLines(g.cheapest_purchase.lines, fmt))),
      sort: byNumber((g) => g.cheapest_purchase.purchase_count),
      numeric: true,
    },
    { head: t('lab.audit.col.left_over'), cell: (g) => fmt.count(g.cheapest_purchase.leftover_coins), sort: byNumber((g) => g.cheapest_purchase.leftover_coins), numeric: true },
    { head: t('lab.audit.col.fewest'), cell: (g) => fmt.count(g.min_leftover_coins), sort: byNumber((g) => g.min_leftover_coins), numeric: true },
    { head: t('lab.audit.col.overspend'), cell: (g) => fmt.share(g.forced_overspend, '1'), sort: byDecimal((g) => g.forced_overspend), numeric: true },
  ];
}

/** "85 × 330, 30 × 65" (packs × coins; a custom amount as "1 × 1,234 (custom amount)"), each
 * line kept whole when the cell wraps. */
function purchaseLines(lines, fmt) {
  return lines.map((l, i) => [i ? ', ' : '', h('span', { class: 'lab-nowrap', text: t(l.custom ? 'lab.audit.line_custom' : 'lab.audit.line', { count: fmt.count(l.count), coins: fmt.count(l.coins) }) })]);
}

/**
 * Every gift of an audit in a table that sorts by any column (a header's button; again for the
 * other way), in a box that scrolls sideways on a narrow screen, with a hint when it does.
 */
function giftTable(audit, fmt, testid) {
  if (!audit.gifts.length) return h('p', { class: 'muted', text: t('lab.audit.no_gifts') });
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
          'aria-label': t(state.column === i && !state.descending ? 'lab.audit.sort_down' : 'lab.audit.sort_up', { column: c.head }),
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
      caption: state.column === null ? t('lab.audit.gifts_caption', { id: audit.rate_card.id, currency: audit.rate_card.currency }) : t('lab.audit.gifts_caption_sorted', { id: audit.rate_card.id, currency: audit.rate_card.currency, column: columns[state.column].head }),
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
  return h('p', { class: 'lab-scroll-hint', text: t('lab.audit.scroll_hint') });
}

/** The ladder: whether bigger packs are cheaper per coin (and where not), the best offer, the
 * offers limited to a few purchases, the layers. */
function ladder(l, fmt, { brief = false } = {}) {
  const coins = coinName(l);
  const best = l.best_value_bundle;
  const packs = t('lab.audit.packs', { count: l.bundles, n: fmt.count(l.bundles) });
  const offers = t(l.custom_amount ? 'lab.audit.offers_any' : 'lab.audit.offers', { packs });
  const falls = l.per_coin_monotone ? t('lab.audit.falls_yes') : t('lab.audit.falls_no', { count: l.breaks.length, n: fmt.count(l.breaks.length) });
  const layers = l.currency_layers.map((x) => x.name).join(' → ');
  // Offers bought only a few times (a first-purchase pack); engines before them give none.
  const limited = l.limited_offers ?? [];
  const facts = h(
    'dl',
    { class: 'facts facts--stack lab-audit-ladder' },
    h('div', null, h('dt', { text: t('lab.audit.falls') }), h('dd', { class: l.per_coin_monotone ? null : 'lab-audit-no', 'data-testid': 'ladder-monotone', text: falls })),
    h('div', null, h('dt', { text: t('lab.audit.best_value') }), h('dd', { text: best.custom ? t('lab.audit.best_any', { per_coin: fmt.money(best.price_per_coin) }) : t('lab.audit.best_pack', { coins: fmt.count(best.coins), coin: coins, price: fmt.money(best.price), per_coin: fmt.money(best.price_per_coin) }) })),
    h('div', null, h('dt', { text: t('lab.audit.offers_title') }), h('dd', { text: offers })),
    limited.length
      ? h(
          'div',
          null,
          h('dt', { text: t('lab.audit.limited') }),
          h(
            'dd',
            { 'data-testid': 'ladder-limited' },
            limited
              .map((o) => t('lab.audit.limited_offer', { coins: fmt.count(o.coins), coin: coins, price: fmt.money(o.price), per_coin: fmt.money(o.price_per_coin), times: t('lab.audit.times', { count: o.max_purchases, n: fmt.count(o.max_purchases) }) }))
              .join(t('lab.results.separator')),
            h('span', { class: 'lab-sub', text: t('lab.audit.limited_note') }),
          ),
        )
      : null,
    h('div', null, h('dt', { text: t('lab.audit.layers') }), h('dd', null, h('span', { class: 'lab-audit-layers', 'data-testid': 'ladder-layers', text: layers }), h('span', { class: 'lab-sub', text: layerSentence(l) }))),
  );
  if (brief || l.per_coin_monotone) return facts;
  return [
    facts,
    scrollHint(),
    table({
      caption: t('lab.audit.breaks_caption'),
      head: [t('lab.audit.col.smaller'), t('lab.audit.col.per_coin'), t('lab.audit.col.bigger'), t('lab.audit.col.per_coin')],
      rows: l.breaks.map((b) => [t('lab.audit.pack', { coins: fmt.count(b.smaller), coin: coins }), fmt.money(b.smaller_price_per_coin), t('lab.audit.pack', { coins: fmt.count(b.larger), coin: coins }), fmt.money(b.larger_price_per_coin)]),
      numeric: [0, 1, 2, 3],
      className: 'table lab-table--compact lab-table--breaks',
    }),
  ];
}

/** "3 conversions between the viewer’s money and the creator’s cash; the viewer buys Coins." */
function layerSentence(l) {
  const bought = l.currency_layers.filter((x) => x.purchasable).map((x) => x.name);
  const held = (who) => l.currency_layers.filter((x) => x.held_by === who).map((x) => x.name);
  const list = (names) => (names.length ? formatList(names) : t('lab.audit.nothing_held'));
  return t(bought.length ? 'lab.audit.layers_sentence_buys' : 'lab.audit.layers_sentence', { count: l.conversions, viewer: list(held('viewer')), bought: formatList(bought), creator: list(held('creator')) });
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
  const where = t('lab.region.option', { name: regionName(rules.region), code: rules.region });
  const applied = rules.rule_sets.filter((r) => r.applies).length;
  return panel(
    'audit-rules',
    t('lab.audit.rules_in', { where, date: dates.day(rules.date) }),
    t('lab.audit.rules_intro', { where, applied, count: rules.rule_sets.length }),
    rules.rule_sets.length
      ? h('div', { class: 'lab-rules' }, rules.rule_sets.map((r) => ruleSet(r, { dates, fmt: formatFor(library.ruleSetById.get(r.id)?.currency ?? 'USD'), source: library.ruleSetById.get(r.id) })))
      : h('p', { class: 'muted', text: t('lab.audit.no_registry') }),
  );
}

function ruleSet(r, { dates, fmt, source }) {
  const status = r.status ? statusWords(r.status) : t('lab.audit.not_recorded');
  const ages = r.min_age;
  const age = (n) => (n > 0 ? fmt.count(n) : t('lab.none'));
  const noMinimum = ages.buy === 0 && ages.gift === 0 && ages.receive === 0;
  return h(
    'article',
    { class: `lab-rule${r.applies ? ' lab-rule--applies' : ''}`, 'data-testid': `rule-${r.id}` },
    h('h4', { class: 'lab-rule-name', lang: 'en', text: r.name }),
    h(
      'p',
      { class: 'lab-rule-status' },
      h('span', { class: `lab-rule-applies lab-rule-applies--${r.applies ? 'yes' : 'no'}`, 'data-testid': 'rule-applies' }, h('span', { 'aria-hidden': 'true', text: r.applies ? '✓ ' : '✗ ' }), t(r.applies ? 'lab.audit.applies' : 'lab.audit.not_applies')),
      ' ',
      h('span', { 'data-testid': 'rule-status' }, tParts('lab.audit.status', { status: h('strong', { text: status }) })),
    ),
    h(
      'dl',
      { class: 'facts facts--stack lab-rule-facts' },
      h('div', null, h('dt', { text: t('lab.audit.fact.id') }), h('dd', { text: r.id })),
      r.instrument ? h('div', null, h('dt', { text: t('lab.audit.fact.instrument') }), h('dd', { lang: 'en', text: r.instrument })) : null,
      h('div', null, h('dt', { text: t('lab.audit.fact.where') }), h('dd', { text: r.jurisdiction ? t('lab.region.option', { name: regionName(r.jurisdiction), code: r.jurisdiction }) : t('lab.audit.everywhere') })),
      h('div', null, h('dt', { text: t('lab.audit.fact.min_age') }), h('dd', { text: noMinimum ? t('lab.audit.no_minimum') : t('lab.audit.min_ages', { buy: age(ages.buy), gift: age(ages.gift), receive: age(ages.receive) }) })),
      r.brackets.length ? h('div', null, h('dt', { text: t('lab.audit.fact.by_age') }), h('dd', null, h('ul', { class: 'lab-rule-brackets' }, r.brackets.map((b) => bracket(b, fmt, source))))) : null,
    ),
    r.status_history.length
      ? h(
          'div',
          { class: 'lab-rule-history' },
          h('p', { class: 'lab-rule-history-title', text: t('lab.audit.history') }),
          h(
            'ol',
            { 'data-testid': 'rule-history' },
            r.status_history.map((s) =>
              h(
                'li',
                null,
                h('span', { class: 'lab-rule-from' }, tParts('lab.audit.from', { date: h('time', { datetime: s.from, text: dates.day(s.from) }) })),
                h('strong', { text: statusWords(s.status) }),
                s.note ? h('span', { class: 'lab-rule-note' }, ' — ', h('span', { lang: 'en', text: s.note })) : null,
              ),
            ),
          ),
        )
      : null,
    r.notes ? h('p', { class: 'lab-rule-notes' }, h('span', { class: 'lab-finding-principle-label', text: t('lab.audit.label', { label: t('lab.audit.notes_label') }) }), h('span', { lang: 'en', text: r.notes })) : null,
  );
}

/** "Ages 8 to 15: buying coins at most ¥50.00 per top-up or gift (blocked above it)"; the ages
 * from the preset rule set `source` (the engine's own English words when it is not one). */
function bracket(b, fmt, source) {
  const parts = [];
  if (b.guardian_approval) parts.push(t('lab.audit.bracket.guardian'));
  for (const c of b.caps) {
    parts.push(t('lab.audit.bracket.cap', { action: t(`lab.audit.action.${c.action}`), limit: fmt.money(c.limit), window: t(`lab.audit.window.${c.window}`), enforcement: t(`lab.audit.enforcement.${c.enforcement}`) }));
  }
  if (!parts.length) parts.push(t('lab.audit.bracket.none'));
  const bounds = source?.brackets?.find((x) => x?.id === b.id);
  const from = fmt.count(Number(bounds?.min_age ?? 0));
  const label = !bounds
    ? h('span', { lang: 'en', text: b.ages.charAt(0).toUpperCase() + b.ages.slice(1) })
    : bounds.max_age == null
      ? t('lab.audit.bracket.ages_over', { from })
      : t('lab.audit.bracket.ages', { from, to: fmt.count(Number(bounds.max_age) - 1) });
  return h('li', null, h('strong', null, tParts('lab.audit.label', { label })), t('lab.audit.bracket.line', { rules: parts.join(t('lab.results.separator')) }));
}

/** The platform's other cards: each one's findings, then its ladder and gift table folded. */
function channelsPanel(channels, formatFor) {
  return panel(
    'audit-channels',
    t('lab.audit.channels_title'),
    t('lab.audit.channels_intro'),
    channels.map((c) => {
      const fmt = formatFor(c.rate_card.currency);
      const warnings = c.findings.filter((f) => f.level === 'warn').length;
      const notes = c.findings.length - warnings;
      return h(
        'article',
        { class: 'lab-audit-channel', 'data-testid': `audit-channel-${c.rate_card.id}` },
        h(
          'h4',
          { class: 'lab-audit-channel-name' },
          h('span', { lang: 'en', text: c.rate_card.name }),
          h('span', {
            class: 'lab-sub',
            text: t('lab.audit.channel_sub', {
              card: c.rate_card.as_of ? t('lab.audit.card_version_dated', { id: c.rate_card.id, version: String(c.rate_card.version), date: c.rate_card.as_of }) : t('lab.audit.card_version', { id: c.rate_card.id, version: String(c.rate_card.version) }),
              findings: t('lab.audit.findings_count', { warnings: t('lab.audit.warnings', { count: warnings }), notes: t('lab.audit.notes', { count: notes }) }),
            }),
          }),
        ),
        findingList(c.findings, `audit-channel-findings-${c.rate_card.id}`),
        h(
          'details',
          { class: 'lab-audit-channel-more' },
          h('summary', { text: t('lab.audit.channel_more', { count: c.gifts.length }) }),
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
    t('lab.audit.cli_title'),
    t('lab.audit.cli_intro', { file: 'audit.json' }),
    h('p', { class: 'lab-audit-command' }, h('code', { 'data-testid': 'audit-command', text: 'giftsim audit audit.json' })),
    h('pre', { class: `lab-audit-request${long ? ' is-long' : ''}`, 'data-testid': 'audit-request', tabindex: '0', role: 'group', 'aria-label': 'audit.json' }, h('code', { text })),
    long ? h('p', { class: 'lab-print-only muted', text: t('lab.audit.cli_long') }) : null,
    h('div', { class: 'button-row' }, h('button', { type: 'button', class: 'button button--small', text: t('lab.audit.cli_save', { file: 'audit.json' }), onclick: onSaveRequest })),
  );
}

// What the import and the plan say about a family's history, drawn: how much was spent and how
// sure each figure is, the rules' verdicts, a timeline, the first time each rule was broken,
// totals per week and month, every event, and the CSV to download. Everything is built from
// the answers' fields; the engine's sentences are shown as they are.
import { h, replace } from '../../dom.js';
import { t, tParts, textLocale } from '../../i18n.js';
import { table } from '../../answers.js';
import { formatStamp } from '../../time.js';
import { download } from '../../scenarios.js';
import { badge, capText, checkIsEnglish, checkMessage, countBadge } from '../spending-check/verdicts.js';
import { drawTimeline, timeline } from './chart.js';
import { basisWords, historyCsv, whatText } from './csv.js';
import { firstBreaches, historyRows, moneyTotals, totalsBy } from './periods.js';

/** Rules that are not caps, by id: each worded `calc.history.rule.ID`. */
const RULES = ['min-age', 'guardian-approval', 'cooldown', 'coins'];

/** Events shown at once in the list (more on request). */
const PAGE = 100;

/** "Coins held", "the “monthly” cap": a rule's short name (the CSV's). */
function shortRule(rule) {
  return RULES.includes(rule) ? t(`calc.history.rule.${rule}`) : t('calc.history.rule.cap', { id: rule });
}

/** A rule with its limit as the check states it: "the “monthly” cap, CN¥200.00 of top-ups per calendar month". */
function ruleWithLimit(check, row, app, currency) {
  if (RULES.includes(check.rule) || check.limit == null) return shortRule(check.rule);
  const cap = { limit: check.limit, window: check.window?.kind ?? 'transaction', action: row.kind === 'buy' ? 'buy' : 'gift' };
  return t('calc.history.rule.cap_limit', { id: check.rule, limit: capText(cap, app.format(currency)) });
}

const upper = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** "$40.00 + £5.00" for money in several currencies. */
function moneyText(app, totals) {
  return totals.length ? totals.map((m) => app.format(m.currency).money(m.amount)).join(' + ') : app.format().money('0');
}

function basisBadge(basis) {
  return h('span', { class: `badge history-basis history-basis--${basis}`, text: basisWords(basis) ?? '—' });
}

/** Why a row's check warned or blocked, in the reader's words (see verdicts.js `checkMessage`). */
function why(check, row, app, currency) {
  return checkMessage(check, { amount: row.counted?.amount, fmt: app.format(currency), action: row.kind === 'buy' ? 'buy' : 'gift' }, app);
}

const dayLabel = (day, locale, options = { dateStyle: 'medium' }) => formatStamp(`${day}T00:00:00Z`, locale, options);

/**
 * Draws the history into `el`: `answer` is the import's, `value` the plan's answer for its
 * plan, `sources` the files read.
 */
export function drawResults(el, app, { answer, value, sources }) {
  const locale = textLocale();
  const rows = historyRows(answer, value);
  if (!rows.length) {
    replace(
      el,
      h('div', { class: 'result history-summary' },
        h('p', { class: 'plan-headline is-ok', dataset: { testid: 'history-headline' }, text: t('calc.history.none') }),
        h('p', { class: 'muted', text: t('calc.history.none_text') }),
        notes(answer),
      ),
    );
    return;
  }
  const buys = rows.filter((r) => r.kind === 'buy');
  const gifts = rows.filter((r) => r.kind === 'gift');
  const spent = moneyTotals(buys.map((r) => r.money));
  const basisCount = (b) => buys.filter((r) => r.basis === b).length;
  const estimated = basisCount('estimate');
  const rulesCurrency = value.rule_set.currency;
  const s = value.summary;
  const csvName = `tiktok-spending-${rows[0].day}-to-${rows.at(-1).day}.csv`;
  const coins = (list) => list.reduce((sum, r) => sum + (r.coins ?? 0), 0);

  const headline = h(
    'div',
    { class: 'result history-summary', tabindex: '-1', dataset: { testid: 'history-summary' } },
    h('p', { class: 'headline-label', text: t('calc.history.period', { from: formatStamp(rows[0].at, locale, { dateStyle: 'medium' }), to: formatStamp(rows.at(-1).at, locale, { dateStyle: 'medium' }), zone: value.person.time_zone.replaceAll('_', ' ') }) }),
    h('p', { class: 'headline', dataset: { testid: 'history-spent' }, text: estimated ? t('calc.history.about', { amount: moneyText(app, spent) }) : moneyText(app, spent) }),
    h('p', {
      class: 'headline-sub',
      text: t('calc.history.spent_on', {
        top_ups: t('calc.history.top_ups', { count: buys.length }),
        bought: t('calc.verdict.coins', { count: coins(buys) }),
        gifts: t('calc.history.gifts', { count: gifts.length }),
        sent: t('calc.verdict.coins', { count: coins(gifts) }),
      }),
    }),
    buys.length
      ? h(
          'p',
          { class: 'history-basis-line' },
          tParts('calc.history.basis_line', {
            sources: ['invoice', 'export', 'estimate']
              .filter((b) => basisCount(b))
              .map((b, i) => [i ? '; ' : '', tParts(`calc.history.basis.${b}`, { count: h('strong', { text: app.fmt.count(basisCount(b)) }), card: app.card().name ?? t('calc.history.chosen_card') })])
              .flat(2),
          }),
        )
      : null,
    h('p', { class: 'headline-label history-under', text: t('calc.summary.under', { rules: value.rule_set.name }) }),
    h(
      'p',
      { class: 'plan-counts', dataset: { testid: 'history-counts' } },
      countBadge('ok', s.ok),
      countBadge('warn', s.warn),
      countBadge('block', s.block),
    ),
    notes(answer),
    h(
      'div',
      { class: 'button-row' },
      h('button', {
        type: 'button',
        class: 'button button--primary',
        text: t('calc.history.csv'),
        onclick: () => download(csvName, historyCsv(rows, { ruleName: shortRule, why: (r) => (r.check ? why(r.check, r, app, rulesCurrency) : '') }), 'text/csv;charset=utf-8'),
      }),
      h('span', { class: 'muted history-csv-hint', text: t('calc.history.csv_hint') }),
    ),
  );

  // The timeline, in the currency most of the money was paid in (else the rules').
  const amountOf = spent.length === 1 ? (r) => r.money : (r) => r.counted;
  const chartCurrency = spent.length === 1 ? spent[0].currency : rulesCurrency;
  const bars = timeline(rows, chartCurrency, amountOf);
  const canvas = bars ? h('canvas', { role: 'img', 'aria-label': t(`calc.history.chart_label.${bars.by}`) }) : null;
  const chart = bars
    ? h(
        'div',
        { class: 'history-chart-block' },
        h('h3', { class: 'subhead', text: t(`calc.history.chart_title.${bars.by}`) }),
        h('div', { class: 'chart history-chart' }, canvas),
      )
    : null;

  const totals = h('div', { class: 'history-totals' });
  const events = h('div', { class: 'history-events' });
  replace(
    el,
    headline,
    chart,
    h('h3', { class: 'subhead', text: t('calc.history.first_breaches') }),
    breaches(rows, app, rulesCurrency),
    totals,
    events,
  );
  drawTotals(totals, rows, app, 'month');
  drawEvents(events, rows, app, { onlyBreaches: false, shown: PAGE, currency: rulesCurrency });
  if (bars) {
    const label = (p) => (bars.by === 'month' ? dayLabel(p, locale, { month: 'short', year: 'numeric' }) : dayLabel(p, locale, { day: 'numeric', month: 'short' }));
    drawTimeline(canvas, bars, { fmt: app.format(chartCurrency), label });
  }
}

/** The import's caveats, in its own words (the engine's English sentences, marked so). */
function notes(answer) {
  const list = answer.notes ?? [];
  return list.length ? h('ul', { class: 'history-notes', lang: 'en' }, list.map((text) => h('li', { text }))) : null;
}

/** One card per rule that warned or blocked: when it first did, on what, and why. */
function breaches(rows, app, currency) {
  const locale = textLocale();
  const found = firstBreaches(rows);
  if (!found.length) return h('p', { class: 'history-clean', dataset: { testid: 'history-breaches' }, text: t('calc.history.clean') });
  const first = (level, x) => {
    if (!x) return null;
    const { row, check } = x;
    const amount = row.money ?? row.counted;
    return h(
      'div',
      { class: `history-breach-first is-${level}` },
      h('p', { class: 'history-breach-when' }, badge(level), ` ${formatStamp(row.at, locale)}`),
      h('p', { class: 'history-breach-what', text: [whatText(row), row.coins != null ? t('calc.verdict.coins', { count: row.coins }) : null, amount ? app.format(amount.currency).money(amount.amount) : null].filter(Boolean).join(t('calc.list.separator')) }),
      h('p', { class: 'history-why', lang: checkIsEnglish(check) ? 'en' : null, text: why(check, row, app, currency) }),
    );
  };
  return h(
    'ul',
    { class: 'history-breaches', dataset: { testid: 'history-breaches' } },
    found.map((b) => {
      const any = b.block ?? b.warn;
      return h(
        'li',
        { class: 'history-breach' },
        h('p', { class: 'history-breach-rule' }, h('strong', { text: upper(ruleWithLimit(any.check, any.row, app, currency)) }), h('span', { class: 'muted', text: ` · ${t('calc.history.on_events', { count: b.count })}` })),
        first('warn', b.warn),
        first('block', b.block),
      );
    }),
  );
}

/** Totals per week or per month, with a choice between them. */
function drawTotals(el, rows, app, by) {
  const locale = textLocale();
  const name = 'history-totals-by';
  const radio = (value, text) => {
    const input = h('input', { type: 'radio', name, id: `${name}-${value}`, value, checked: value === by, onchange: () => drawTotals(el, rows, app, value) });
    return h('span', { class: 'radio' }, input, h('label', { for: input.id, text }));
  };
  const hadFocus = el.contains(el.getRootNode().activeElement);
  const totals = totalsBy(rows, by);
  replace(
    el,
    h('h3', { class: 'subhead', text: t(`calc.history.totals.${by}`) }),
    h('fieldset', { class: 'choices' }, h('legend', { class: 'sr-only', text: t('calc.history.totals.by') }), radio('month', t('calc.history.totals.per_month')), radio('week', t('calc.history.totals.per_week'))),
    table({
      caption: t(`calc.history.totals.caption_${by}`),
      head: [t(`calc.history.totals.head_${by}`), t('calc.history.totals.top_ups'), t('calc.history.totals.spent'), t('calc.history.totals.gifts'), t('calc.history.totals.verdicts')],
      numeric: [1, 2, 3],
      className: 'table history-totals-table',
      scrollHint: true,
      rows: totals.map((p) => ({
        className: p.block ? 'is-block' : p.warn ? 'is-warn' : null,
        cells: [
          by === 'month' ? dayLabel(p.start, locale, { month: 'short', year: 'numeric' }) : dayLabel(p.start, locale, { day: 'numeric', month: 'short', year: 'numeric' }),
          [app.fmt.count(p.buys), h('span', { class: 'history-sub', text: t('calc.verdict.coins', { count: p.coinsBought }) })],
          p.money.length ? `${p.estimated ? '≈ ' : ''}${moneyText(app, p.money)}` : '—',
          [app.fmt.count(p.gifts), h('span', { class: 'history-sub', text: t('calc.verdict.coins', { count: p.coinsSent }) })],
          p.warn || p.block
            ? [p.block ? h('span', { class: 'history-count is-block', text: t('calc.verdict.count.block', { count: p.block }) }) : null, p.warn ? h('span', { class: 'history-count is-warn', text: t('calc.verdict.count.warn', { count: p.warn }) }) : null]
            : h('span', { class: 'muted', text: t('calc.history.all_allowed') }),
        ],
      })),
    }),
    totals.some((p) => p.estimated) ? h('p', { class: 'muted history-footnote', text: t('calc.history.footnote') }) : null,
  );
  if (hadFocus) el.querySelector(`#${name}-${by}`)?.focus();
}

/** Every event (or only those warned or blocked), a page at a time. */
function drawEvents(el, rows, app, { onlyBreaches, shown, currency }) {
  const locale = textLocale();
  const list = onlyBreaches ? rows.filter((r) => r.verdict === 'warn' || r.verdict === 'block') : rows;
  const visible = list.slice(0, shown);
  const filter = h('input', { type: 'checkbox', id: 'history-only-breaches', checked: onlyBreaches, onchange: () => drawEvents(el, rows, app, { onlyBreaches: filter.checked, shown: PAGE, currency }) });
  const hadFilterFocus = el.getRootNode().activeElement?.id === 'history-only-breaches';
  replace(
    el,
    h('h3', { class: 'subhead', text: t('calc.history.events') }),
    h('div', { class: 'check history-filter' }, filter, h('label', { for: filter.id, text: t('calc.history.only_breaches') })),
    list.length
      ? table({
          caption: list.length === rows.length ? t('calc.history.events_all', { count: rows.length }) : t('calc.history.events_some', { shown: list.length, count: rows.length }),
          head: [t('calc.history.head.when'), t('calc.history.head.money'), t('calc.history.head.verdict')],
          numeric: [1],
          className: 'table history-events-table',
          scrollHint: true,
          rows: visible.map((r) => ({
            className: r.verdict ? `is-${r.verdict}` : null,
            cells: [
              [
                h('span', { class: 'history-when', text: formatStamp(r.at, locale) }),
                h('span', { class: 'history-sub', text: `${whatText(r)}${r.coins != null ? ` · ${t('calc.verdict.coins', { count: r.coins })}` : ''}` }),
              ],
              r.money ? [app.format(r.money.currency).money(r.money.amount), h('span', { class: 'history-sub' }, basisBadge(r.basis))] : '—',
              r.verdict ? [badge(r.verdict), r.verdict !== 'ok' && r.check ? h('span', { class: 'history-why', lang: checkIsEnglish(r.check) ? 'en' : null, text: why(r.check, r, app, currency) }) : null] : '—',
            ],
          })),
        })
      : h('p', { class: 'empty', text: t('calc.history.no_breaches') }),
    list.length > visible.length
      ? h('button', {
          type: 'button',
          class: 'button',
          text: t('calc.history.show_more', { count: Math.min(PAGE, list.length - visible.length), left: list.length - visible.length }),
          onclick: () => {
            drawEvents(el, rows, app, { onlyBreaches, shown: shown + PAGE, currency });
            el.querySelectorAll('tbody tr')[shown]?.querySelector('td')?.setAttribute('tabindex', '-1');
            el.querySelectorAll('tbody tr')[shown]?.querySelector('td')?.focus();
          },
        })
      : null,
  );
  if (hadFilterFocus) el.querySelector('#history-only-breaches')?.focus();
}


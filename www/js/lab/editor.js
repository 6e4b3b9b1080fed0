// The scenario editor: where to start from (the example, a preset card, or a scenario saved in
// this browser), then one group per part of the scenario (and, in a sweep, an A/B test, a
// calibration, an optimization or the plan of a real test, what varies first; an audit shows
// only its settings and the cards, as it reads nothing else). Groups are rebuilt from the
// document whenever its shape changes; typing only writes the document.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { button } from './controls.js';
import { EXAMPLE_SCENARIO } from './defaults.js';
import { clone } from './document.js';
import { auditGroup } from './editor/audit.js';
import { cardLabel, channelsGroup } from './editor/channels.js';
import { calibrateGroup } from './editor/calibrate.js';
import { abGroup, sweepGroup } from './editor/experiment.js';
import { optimizeGroup } from './editor/optimize.js';
import { populationGroup } from './editor/population.js';
import { planGroup } from './editor/power.js';
import { rulesGroup } from './editor/rules.js';
import { settingsGroup } from './editor/settings.js';
import { canSave, savedScenarios, savedStoreDamaged } from './saved.js';

/** The groups of what a mode varies: open on a phone too, as they are what the mode is about. */
const MODE_GROUPS = new Set(['group-sweep', 'group-ab', 'group-calibrate', 'group-optimize', 'group-power', 'group-audit']);

/** Draws the editor into `form`, keeping which groups are open and where the keyboard was. */
export function renderEditor(form, app, { focus } = {}) {
  const open = new Map([...form.querySelectorAll('details.lab-group')].map((d) => [d.id, d.open]));
  const active = document.activeElement;
  const focusPath = focus ?? (form.contains(active) ? active.dataset.path ?? null : null);
  const focusLabel = !focusPath && form.contains(active) ? active.getAttribute('aria-label') ?? active.textContent : null;
  const audit = app.doc.mode === 'audit';
  const groups = [
    audit ? auditGroup(app) : null,
    app.doc.mode === 'sweep' ? sweepGroup(app) : null,
    app.doc.mode === 'ab' ? abGroup(app) : null,
    app.doc.mode === 'calibrate' ? calibrateGroup(app) : null,
    app.doc.mode === 'optimize' ? optimizeGroup(app) : null,
    app.doc.mode === 'power' ? planGroup(app) : null,
    channelsGroup(app),
    audit ? null : populationGroup(app),
    audit ? null : rulesGroup(app),
    audit ? null : settingsGroup(app),
  ].filter(Boolean);
  // On a phone the groups start closed, so the page is a list of what can be edited; later
  // redraws keep whatever the person opened or closed.
  const narrow = open.size === 0 && window.matchMedia('(max-width: 640px)').matches;
  for (const g of groups) {
    if (open.has(g.id)) g.open = open.get(g.id);
    else if (narrow && !MODE_GROUPS.has(g.id)) g.open = false;
  }
  // The run button at the foot of the editor (on narrow screens, where the run bar scrolls away).
  const again = h('div', { class: 'lab-run-again' }, button(t(`lab.run_again.${app.doc.mode}`), () => app.run(), { kind: 'button--primary' }));
  replace(form, startFrom(app), groups, again);
  app.fields.clear();
  app.showErrors();
  // Put the keyboard back where it was (a rebuilt control, or the button that was pressed).
  let target = focusPath ? form.querySelector(`[data-path="${CSS.escape(focusPath)}"]`) : null;
  if (!target && focusLabel) target = [...form.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === focusLabel);
  if (target) {
    target.closest('details:not([open])')?.setAttribute('open', '');
    target.focus();
  }
}

/** The value of a saved scenario in the "Start from" list. */
export const SAVED = 'saved:';

/**
 * "Start from": the example, one channel of any preset card, or a scenario saved in this
 * browser (which can be deleted); and "Save as…", which keeps the document on screen.
 */
function startFrom(app) {
  const saved = savedScenarios();
  const select = h(
    'select',
    { id: 'start-from' },
    h(
      'optgroup',
      { label: t('lab.start.built_in') },
      h('option', { value: 'example', text: t('lab.start.example') }),
      app.library.cards.map((c) => h('option', { value: c.id, text: t('lab.start.one_channel', { card: cardLabel(c), id: c.id }) })),
    ),
    saved.length ? h('optgroup', { label: t('lab.start.saved') }, saved.map((e) => h('option', { value: `${SAVED}${e.name}`, text: e.name }))) : null,
  );
  if ([...select.options].some((o) => o.value === app.startFrom)) select.value = app.startFrom;
  const chosen = () => select.selectedOptions[0]?.textContent ?? select.value;
  const remove = button(t('lab.start.delete'), () => app.deleteSaved(select.value.slice(SAVED.length)), { label: t('lab.start.delete_label') });
  const showRemove = () => {
    remove.hidden = !select.value.startsWith(SAVED);
  };
  select.addEventListener('change', () => {
    app.startFrom = select.value;
    showRemove();
  });
  showRemove();
  return h(
    'div',
    { class: 'lab-start-from', 'data-testid': 'start-from' },
    h('label', { for: 'start-from', text: t('lab.start.label') }),
    h(
      'div',
      { class: 'lab-start-from-row' },
      select,
      h(
        'div',
        { class: 'button-row lab-start-from-actions' },
        button(t('lab.start.load'), () => app.loadStart(select.value, chosen()), { label: t('lab.start.load_label') }),
        canSave() ? button(t('lab.start.save_as'), () => app.saveAs(), { label: t('lab.start.save_as_label') }) : null,
        remove,
      ),
    ),
    savedStoreDamaged() ? h('p', { class: 'field-hint notice-error', 'data-testid': 'saved-damaged', text: t('lab.start.damaged') }) : null,
  );
}

/**
 * A scenario on one preset card: the example's population, with gift mixes the card can send
 * (its catalogue's gifts, or amounts of coins worth about 1, 5 and 50 of its currency) and
 * rules in its currency.
 */
export function startingScenario(app, id) {
  const s = clone(EXAMPLE_SCENARIO);
  const card = app.library.cardById.get(id);
  if (!card) return s;
  s.channels = [{ rate_card: card.id, share: '1' }];
  const known = new Set(app.library.giftsOf(card).map((g) => g.id));
  const example = s.segments.flatMap((seg) => seg.gifts ?? []);
  if (!example.every((g) => known.has(g.gift))) {
    const perUnit = coinsPerUnit(card);
    const worth = { minnows: [0.5, 1, 2], dolphins: [2, 5, 10], whales: [20, 50, 100] };
    for (const seg of s.segments) {
      if (!seg.gifts) continue;
      seg.gifts = (worth[seg.id] ?? [1]).map((money, k) => ({ coins: roundNicely(money * perUnit), weight: [4, 2, 1][k] ?? 1 }));
    }
  }
  // Rules count their own currency: a card in another one needs a rate, which the rules group
  // shows next to the rule set (an assumption to edit, not a published figure).
  const rules = app.library.ruleSet(s.rule_set);
  if (rules && rules.currency !== card.currency) s.exchange_rates = { [`${card.currency}/${rules.currency}`]: ASSUMED_RATES[`${card.currency}/${rules.currency}`] ?? '1' };
  return s;
}

/** Rough exchange rates for a first run from a preset in another currency; edit them. */
const ASSUMED_RATES = { 'GBP/USD': '1.27', 'EUR/USD': '1.08' };

/** About how many coins one unit of money buys on a card. */
function coinsPerUnit(card) {
  const rates = (card.bundles ?? []).map((b) => Number(b.coins) / Number(b.price)).filter(Number.isFinite);
  if (card.custom_amount) rates.push(1 / Number(card.custom_amount.price_per_coin));
  const best = Math.max(...rates.filter((r) => r > 0), 0);
  return best > 0 ? best : 100;
}

function roundNicely(x) {
  if (x < 1) return 1;
  const digits = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / digits) * digits;
}

// The bar above the sections: which rate card, which currency, which number format; a mark
// when the card's figures are edited, with the way back to the preset; and on the page, the
// code that embeds this view in another site.
import { h, replace, uid } from './dom.js';
import { field } from './fields.js';
import { LOCALES } from './format.js';
import { t } from './i18n.js';
import { platformName, shortName } from './rate-card.js';
import { embedSnippet } from './embed/snippet.js';

export function mountToolbar(el, app, { embedCode = false } = {}) {
  const card = h('select', {
    onchange: () => app.update({ card: card.value, edits: null }, { sync: true }),
  });
  const currency = h('select', {
    onchange: () => {
      const next = app.presets.counterpart(app.preset(), currency.value);
      app.update({ currency: currency.value, card: next.id, edits: null }, { sync: true });
    },
  });
  const locale = h(
    'select',
    { onchange: () => app.update({ locale: locale.value }, { sync: true }) },
    LOCALES.map(([code, name]) => h('option', { value: code, text: t('calc.toolbar.locale_option', { name, code }), lang: code })),
  );
  const edited = h('div', { class: 'edited-banner', role: 'status' });
  const embed = embedCode ? embedPanel(app) : null;

  replace(
    el,
    h(
      'div',
      { class: `toolbar-fields${embed ? ' toolbar-fields--actions' : ''}` },
      field({ label: t('calc.toolbar.card'), control: card, className: 'field--card' }).el,
      field({ label: t('calc.toolbar.currency'), control: currency }).el,
      field({ label: t('calc.toolbar.locale'), control: locale }).el,
      embed?.toggle,
    ),
    embed?.panel,
    edited,
  );

  let drawn = null;
  let drawnEdited = null;
  return {
    render() {
      embed?.render();
      const { state, presets } = app;
      // Rebuild the lists only when they change, so a control in use is left alone.
      const key = `${state.currency}|${state.card}|${state.locale}`;
      if (key === drawn) return renderEdited();
      drawn = key;
      replace(
        currency,
        presets.currencies().map((c) => h('option', { value: c, text: c, selected: c === state.currency })),
      );
      const byPlatform = new Map();
      for (const c of presets.cardsIn(state.currency)) {
        if (!byPlatform.has(c.platform)) byPlatform.set(c.platform, []);
        byPlatform.get(c.platform).push(c);
      }
      replace(
        card,
        [...byPlatform.values()].map((cards) =>
          h(
            'optgroup',
            { label: platformName(cards[0]) },
            cards.map((c) => h('option', { value: c.id, text: t('calc.toolbar.card_option', { card: shortName(c), name: c.name }), selected: c.id === state.card })),
          ),
        ),
      );
      locale.value = state.locale;
      renderEdited();
    },
  };

  function renderEdited() {
    const { state } = app;
    const key = state.edits ? state.card : '';
    if (key === drawnEdited) return;
    drawnEdited = key;
    edited.hidden = !state.edits;
    if (!state.edits) return replace(edited);
    replace(
      edited,
      h('span', { class: 'badge badge--edited', text: t('calc.toolbar.what_if') }),
      ' ',
      t('calc.toolbar.edited', { card: shortName(app.preset()) }),
      ' ',
      h('a', { href: '#rate-card', text: t('calc.toolbar.see_edited') }),
      ' ',
      h('button', { type: 'button', class: 'button button--small', onclick: () => app.update({ edits: null }, { sync: true }), text: t('calc.toolbar.reset') }),
    );
  }
}

/**
 * "Copy embed code": the script tag and element (or an iframe) that show this view in another
 * site, copied at a click, with the choice of one question or the whole calculator.
 */
function embedPanel(app) {
  const id = uid('embed');
  const choice = (name, legend, options, checked) =>
    h(
      'fieldset',
      { class: 'choices embed-choices' },
      h('legend', { text: legend }),
      options.map(([value, label]) => {
        const input = h('input', { type: 'radio', name: `${id}-${name}`, value, id: `${id}-${value}`, checked: value === checked, onchange: () => render() });
        return h('div', { class: 'radio' }, input, h('label', { for: input.id, text: label }));
      }),
    );
  const kind = choice('kind', t('calc.embed.as'), [['element', t('calc.embed.element')], ['iframe', t('calc.embed.iframe')]], 'element');
  const mode = choice('mode', t('calc.embed.show'), [['simple', t('calc.embed.simple')], ['full', t('calc.embed.full')]], 'simple');
  const code = h('textarea', { readonly: true, rows: '4', spellcheck: 'false', class: 'embed-code', 'aria-describedby': `${id}-how` });
  const status = h('p', { class: 'embed-status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'button button--primary button--small', text: t('calc.embed.copy'), onclick: () => copyCode() });
  const panel = h(
    'div',
    { class: 'embed-panel', id, hidden: true },
    h('div', { class: 'embed-options' }, kind, mode),
    field({ label: t('calc.embed.code'), control: code }).el,
    h('p', { class: 'field-hint', id: `${id}-how`, text: t('calc.embed.how') }),
    h('div', { class: 'button-row' }, copy, h('button', { type: 'button', class: 'button button--small', text: t('calc.embed.close'), onclick: () => show(false) })),
    status,
  );
  const toggle = h('button', {
    type: 'button',
    class: 'button toolbar-embed',
    'aria-expanded': 'false',
    'aria-controls': id,
    text: t('calc.embed.toggle'),
    onclick: () => {
      if (panel.hidden) {
        show(true);
        copyCode();
      } else show(false);
    },
  });

  function show(open) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) render();
    else toggle.focus();
  }

  function render() {
    if (panel.hidden) return;
    const picked = (fieldset) => fieldset.querySelector('input:checked')?.value;
    const text = embedSnippet(app.state, { kind: picked(kind), mode: picked(mode), origin: new URL('.', location.href).href });
    if (code.value !== text) {
      code.value = text;
      code.rows = Math.min(8, text.split('\n').length + (picked(kind) === 'iframe' ? 3 : 1));
    }
  }

  async function copyCode() {
    render();
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = t('calc.embed.copied');
    } catch {
      code.focus();
      code.select();
      status.textContent = t('calc.embed.not_copied');
    }
  }

  return { toggle, panel, render };
}

// The bar above the sections: which rate card, which currency, which number format; and a mark
// when the card's figures are edited, with the way back to the preset.
import { h, replace } from './dom.js';
import { field } from './fields.js';
import { LOCALES } from './format.js';
import { shortName } from './rate-card.js';

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
    LOCALES.map(([code, name]) => h('option', { value: code, text: `${name} — ${code}` })),
  );
  const edited = h('div', { class: 'edited-banner', role: 'status' });

  replace(
    el,
    h(
      'div',
      { class: 'toolbar-fields' },
      field({ label: 'Platform and where coins are bought', control: card, className: 'field--card' }).el,
      field({ label: 'Currency', control: currency }).el,
      field({ label: 'Number format', control: locale }).el,
    ),
    edited,
  );

  let drawn = null;
  let drawnEdited = null;
  return {
    render() {
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
            { label: shortName(cards[0]).split(' · ')[0] },
            cards.map((c) => h('option', { value: c.id, text: `${shortName(c)} (${c.name})`, selected: c.id === state.card })),
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
      h('span', { class: 'badge badge--edited', text: 'What if' }),
      ` The figures of ${shortName(app.preset())} are edited: every answer uses them. `,
      h('a', { href: '#rate-card', text: 'See the edited figures' }),
      ' ',
      h('button', { type: 'button', class: 'button button--small', onclick: () => app.update({ edits: null }, { sync: true }), text: 'Reset to the preset' }),
    );
  }
}

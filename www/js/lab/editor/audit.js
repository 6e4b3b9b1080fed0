// The audit of a rate card (the engine's `audit`): which card — the scenario's first, as edited
// below, or any preset —, whether its platform's other channels are audited alike, and the
// region and day whose age rules and caps are listed (no region: no rules).
import { h } from '../../dom.js';
import { bound, group } from '../controls.js';
import { auditOf, firstCard, isObject } from '../document.js';
import { knownRegions } from '../regions.js';
import { cardLabel } from './channels.js';

/** The region select's choice that shows a field to type any region's code. */
const OTHER = 'other';

export function auditGroup(app) {
  const audit = auditOf(app.doc);
  const scenarioCard = app.library.card(firstCard(app.doc.scenario));
  const own = audit.rate_card;
  const ownCard = app.library.card(own);
  const fromFile = isObject(own);
  const scenarioLabel = scenarioCard
    ? `The scenario’s first card: ${cardLabel(scenarioCard)} — ${scenarioCard.id}`
    : 'The scenario’s first card';
  const card = bound(app, 'audit.rate_card', {
    kind: 'select',
    label: 'Rate card to audit',
    options: [
      ['', scenarioLabel],
      fromFile ? ['file', `The card from the file: ${ownCard?.name ?? ownCard?.id ?? 'unnamed'}`] : null,
      ...app.library.cards.map((c) => [c.id, `${cardLabel(c)} — ${c.id}`]),
    ].filter(Boolean),
    value: fromFile ? 'file' : typeof own === 'string' ? own : '',
    write: (choice) => {
      if (choice === 'file') return;
      app.edit('audit.rate_card', choice === '' ? undefined : choice, { rebuild: true, focus: 'audit.rate_card' });
    },
    hint: 'The scenario’s first card is audited as edited under Rate cards and channels below; a preset is audited as published.',
  });

  return group(
    'group-audit',
    'Audit a rate card',
    'What each gift really costs on the card: its coins at the best price per coin against the cheapest purchase that covers it, and the coins left over. Then the price ladder, the layers of currency between the viewer’s money and the creator’s cash, and the age rules and caps of a region on a day.',
    h('div', { class: 'lab-field-row lab-field-row--wide' }, card),
    bound(app, 'audit.all_channels', { kind: 'check', label: 'Also its platform’s other channels', hint: 'Every other card of the same platform in the same currency (the other app store, the web), audited alike.' }),
    regionFields(app, audit),
  );
}

/** The region (a select of those known, or any code typed) and the day the rules are read for. */
function regionFields(app, audit) {
  const known = knownRegions(app.library);
  const region = typeof audit.region === 'string' ? audit.region : '';
  const other = app.auditOtherRegion || (region !== '' && !known.some(([code]) => code === region));
  const select = bound(app, 'audit.region', {
    kind: 'select',
    label: 'Region',
    options: [['', 'None: no rules listed'], ...known, [OTHER, 'Another region: type its code']],
    value: other ? OTHER : region,
    write: (choice) => {
      app.auditOtherRegion = choice === OTHER;
      if (choice === OTHER) {
        app.rebuild();
        document.getElementById('audit-region-code')?.focus();
      } else app.edit('audit.region', choice === '' ? undefined : choice, { rebuild: true, focus: 'audit.region' });
    },
  });
  const typed = other
    ? bound(app, 'audit.region', { kind: 'text', label: 'Region code', optional: true, placeholder: 'FR or US-CA', hint: 'A country (ISO 3166-1, as FR) or a US state (US-CA).' })
    : null;
  typed?.querySelector('input')?.setAttribute('id', 'audit-region-code');
  typed?.querySelector('label')?.setAttribute('for', 'audit-region-code');
  const date = bound(app, 'audit.date', { kind: 'text', label: 'Date of the rules', optional: true, placeholder: 'YYYY-MM-DD', hint: region || other ? 'YYYY-MM-DD: the day the rules are read for.' : 'YYYY-MM-DD; used with a region.' });
  // A typed region sits beside the select, and the day goes below them.
  return typed
    ? [h('div', { class: 'lab-field-row lab-field-row--2' }, select, typed), h('div', { class: 'lab-field-row lab-field-row--2' }, date)]
    : h('div', { class: 'lab-field-row lab-field-row--2' }, select, date);
}

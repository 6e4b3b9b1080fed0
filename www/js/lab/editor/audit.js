// The audit of a rate card (the engine's `audit`): which card — the scenario's first, as edited
// below, or any preset —, whether its platform's other channels are audited alike, and the
// region and day whose age rules and caps are listed (no region: no rules).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
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
  const scenarioLabel = scenarioCard ? t('lab.audit.first_card_of', { card: cardLabel(scenarioCard), id: scenarioCard.id }) : t('lab.audit.first_card');
  const card = bound(app, 'audit.rate_card', {
    kind: 'select',
    label: t('lab.audit.card'),
    options: [
      ['', scenarioLabel],
      fromFile ? ['file', t('lab.audit.file_card', { name: ownCard?.name ?? ownCard?.id ?? t('lab.card.unnamed') })] : null,
      ...app.library.cards.map((c) => [c.id, t('lab.card.option', { card: cardLabel(c), id: c.id })]),
    ].filter(Boolean),
    value: fromFile ? 'file' : typeof own === 'string' ? own : '',
    write: (choice) => {
      if (choice === 'file') return;
      app.edit('audit.rate_card', choice === '' ? undefined : choice, { rebuild: true, focus: 'audit.rate_card' });
    },
    hint: t('lab.audit.card_hint'),
  });

  return group(
    'group-audit',
    t('lab.audit.title'),
    t('lab.audit.intro'),
    h('div', { class: 'lab-field-row lab-field-row--wide' }, card),
    bound(app, 'audit.all_channels', { kind: 'check', label: t('lab.audit.all_channels'), hint: t('lab.audit.all_channels_hint') }),
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
    label: t('lab.audit.region'),
    options: [['', t('lab.audit.region_none')], ...known, [OTHER, t('lab.audit.region_other')]],
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
    ? bound(app, 'audit.region', { kind: 'text', label: t('lab.audit.region_code'), optional: true, placeholder: t('lab.audit.region_code_placeholder'), hint: t('lab.audit.region_code_hint') })
    : null;
  typed?.querySelector('input')?.setAttribute('id', 'audit-region-code');
  typed?.querySelector('label')?.setAttribute('for', 'audit-region-code');
  const date = bound(app, 'audit.date', { kind: 'text', label: t('lab.audit.date'), optional: true, placeholder: t('lab.date_format'), hint: t(region || other ? 'lab.audit.date_hint' : 'lab.audit.date_hint_no_region') });
  // A typed region sits beside the select, and the day goes below them.
  return typed
    ? [h('div', { class: 'lab-field-row lab-field-row--2' }, select, typed), h('div', { class: 'lab-field-row lab-field-row--2' }, date)]
    : h('div', { class: 'lab-field-row lab-field-row--2' }, select, date);
}

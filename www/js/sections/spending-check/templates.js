// Plans to start from, each one click: a top-up every weekend, the coins for one Lion and the
// Lion, a Rose a day; or an empty plan. Times are wall-clock times in the person's zone, from
// today there.
import { t } from '../../i18n.js';
import { newEvent } from '../../state.js';
import { wallAt } from '../../time.js';
import { personZone } from './person.js';

/** A weekly top-up worth about $20, in currencies where 20 would be far less (or far more). */
const WEEKLY = { JPY: '3000', KRW: '30000', CNY: '150', INR: '1500', IDR: '300000', PHP: '1000', THB: '700', TWD: '600', MXN: '350', BRL: '100' };

/** `2026-12-12` plus `days`, as a day. */
function plusDays(day, days) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The currency a plan's amounts are typed in: the rules' (the family's limits' for their own). */
function planCurrency(app) {
  return app.ruleSet()?.currency ?? app.card().currency;
}

/** The amount of the weekend template in `currency`. */
export function weeklyAmount(currency) {
  return WEEKLY[currency] ?? '20.00';
}

/** A gift of the card's catalogue by id, else its dearest (a Lion) or cheapest (a Rose). */
function giftOf(catalogue, id, pick) {
  return catalogue.find((g) => g.id === id) ?? [...catalogue].sort((a, b) => (pick === 'dearest' ? b.coins - a.coins : a.coins - b.coins))[0] ?? null;
}

/**
 * The templates for the card and rules in use: `{ id, label(fmt), events() }`, where `label`
 * names the button and `events` makes the plan (from today, in the person's zone).
 */
export function templates(app) {
  const catalogue = app.presets.giftsOf(app.card());
  const today = () => wallAt(Date.now(), personZone(app)).slice(0, 10);
  const currency = planCurrency(app);
  const lion = giftOf(catalogue, 'lion', 'dearest');
  const rose = giftOf(catalogue, 'rose', 'cheapest');
  const list = [
    {
      id: 'weekend',
      label: t('calc.template.weekend', { amount: app.format(currency).money(weeklyAmount(currency)) }),
      events() {
        // The next Saturday (today, if it is one), 10:00, every week for four weeks.
        const day = today();
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        const saturday = plusDays(day, (6 - weekday + 7) % 7);
        return [{ ...newEvent('buy', `${saturday}T10:00`, currency), amount: weeklyAmount(currency), note: t('calc.template.weekend_note'), repeat: { every: 'week', ends: 'times', times: '4', until: '' } }];
      },
    },
  ];
  if (lion) {
    list.push({
      id: 'lion',
      label: t('calc.template.one', { gift: lion.name }),
      events() {
        const day = plusDays(today(), 1);
        return [
          { ...newEvent('coins', `${day}T18:00`, currency), coins: String(lion.coins), note: t('calc.template.one_coins_note', { gift: lion.name }) },
          { ...newEvent('gift', `${day}T18:05`, currency), gift: lion.id, note: t('calc.template.one_note', { gift: lion.name }) },
        ];
      },
    });
  }
  if (rose) {
    list.push({
      id: 'rose',
      label: t('calc.template.daily', { gift: rose.name }),
      events() {
        const day = plusDays(today(), 1);
        return [
          { ...newEvent('coins', `${day}T17:00`, currency), coins: String(rose.coins * 30), note: t('calc.template.daily_coins_note', { gift: rose.name, count: 30 }) },
          { ...newEvent('gift', `${day}T17:05`, currency), gift: rose.id, note: t('calc.template.daily_note', { gift: rose.name }), repeat: { every: 'day', ends: 'times', times: '30', until: '' } },
        ];
      },
    });
  }
  list.push({ id: 'empty', label: t('calc.template.empty'), events: () => [] });
  return list;
}

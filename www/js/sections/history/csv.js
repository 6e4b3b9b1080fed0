// The history as a CSV file a parent can attach to a refund request: one line per purchase or
// gift, with the money's provenance and the rules' verdict, in the reader's language (the
// column names included). Text from the export (a recipient's name) is written so a spreadsheet
// never runs it as a formula.
import { has, t } from '../../i18n.js';

const HEAD = ['date', 'what', 'coins', 'money', 'currency', 'basis', 'verdict', 'rule', 'note'];

/** Where an amount comes from, as the file says it ("from invoice", "estimate"). */
export function basisWords(basis) {
  return basis && has(`calc.csv.basis.${basis}`) ? t(`calc.csv.basis.${basis}`) : basis;
}

/** A verdict as the file says it ("allowed", "blocked"). */
function verdictWords(verdict) {
  return verdict && has(`calc.csv.verdict.${verdict}`) ? t(`calc.csv.verdict.${verdict}`) : verdict;
}

/** A CSV field: quoted when needed; text that a spreadsheet would read as a formula is defused. */
function cell(value, { text = false } = {}) {
  let s = value == null ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** "Coins bought", "Gift to name": what an event was. */
export function whatText(row) {
  if (row.kind === 'buy') return t('calc.csv.bought');
  return row.recipient ? t('calc.csv.gift_to', { name: row.recipient }) : t('calc.csv.gift_sent');
}

/**
 * The CSV text (with a byte-order mark, so spreadsheets read names in any script). `ruleName(id)`
 * names a rule, `why(row)` says why its verdict is what it is.
 */
export function historyCsv(rows, { ruleName, why }) {
  const lines = [HEAD.map((column) => cell(t(`calc.csv.head.${column}`), { text: true })).join(',')];
  for (const r of rows) {
    const note = [why(r), r.note].filter(Boolean).join(' — ');
    lines.push([
      cell(r.at),
      cell(whatText(r), { text: true }),
      cell(r.coins),
      cell(r.money?.amount),
      cell(r.money?.currency),
      cell(basisWords(r.basis)),
      cell(verdictWords(r.verdict)),
      cell(r.rule && r.verdict !== 'ok' ? ruleName(r.rule) : '', { text: true }),
      cell(note, { text: true }),
    ].join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

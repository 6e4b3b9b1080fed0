// The history as a CSV file a parent can attach to a refund request: one line per purchase or
// gift, with the money's provenance and the rules' verdict. Text from the export (a recipient's
// name) is written so a spreadsheet never runs it as a formula.

const HEAD = ['date', 'what', 'coins', 'money', 'currency', 'basis', 'verdict', 'rule', 'note'];

/** Where an amount comes from, as the file says it. */
export const BASIS_WORDS = { invoice: 'from invoice', export: 'from the export', estimate: 'estimate' };
export const VERDICT_WORDS = { ok: 'allowed', warn: 'warning', block: 'blocked' };

/** A CSV field: quoted when needed; text that a spreadsheet would read as a formula is defused. */
function cell(value, { text = false } = {}) {
  let s = value == null ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** "Coins bought", "Gift to name": what an event was. */
export function whatText(row) {
  if (row.kind === 'buy') return 'Coins bought';
  return row.recipient ? `Gift to ${row.recipient}` : 'Gift sent';
}

/** The CSV text (with a byte-order mark, so spreadsheets read names in any script). */
export function historyCsv(rows, ruleName) {
  const lines = [HEAD.join(',')];
  for (const r of rows) {
    const note = [r.message, r.note].filter(Boolean).join(' — ');
    lines.push([
      cell(r.at),
      cell(whatText(r), { text: true }),
      cell(r.coins),
      cell(r.money?.amount),
      cell(r.money?.currency),
      cell(BASIS_WORDS[r.basis] ?? r.basis),
      cell(VERDICT_WORDS[r.verdict] ?? r.verdict),
      cell(r.rule && r.verdict !== 'ok' ? ruleName(r.rule) : '', { text: true }),
      cell(note, { text: true }),
    ].join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

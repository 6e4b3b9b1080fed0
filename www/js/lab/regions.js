// Regions as the rule registry names them (`AU`, `US-TX`): their names in words, in the reader's
// language (countries from Intl, US states from the catalogue), and the list the audit offers —
// every region the registry has rules for, the country of each state among them, and a few
// markets more, where only the platforms' own rules hold.
import { has, language, t, textLocale } from '../i18n.js';

/** Markets with no rules of their own in the registry, offered for the platforms' own rules. */
const MARKETS = ['GB', 'US'];

const countryNames = new Map();

/** "Texas, United States" for `US-TX`, "Australia" for `AU`; the code itself when unknown. */
export function regionName(code) {
  const [country, part] = String(code).split('-');
  if (!countryNames.has(language())) countryNames.set(language(), new Intl.DisplayNames([textLocale(), 'en'], { type: 'region' }));
  let name;
  try {
    name = countryNames.get(language()).of(country);
  } catch {
    return String(code);
  }
  if (!part) return name ?? String(code);
  // The registry's rules of a US state name it `US-XX`.
  return country === 'US' && has(`lab.state.${part}`) ? t('lab.region.state', { state: t(`lab.state.${part}`), country: name }) : String(code);
}

/**
 * The regions the registry has rules for (and the country of each state among them), with a
 * few markets more: `[[code, label]]`, countries by name, each state after its country.
 */
export function knownRegions(library) {
  const codes = new Set(MARKETS);
  for (const r of library.ruleSets) {
    if (typeof r.jurisdiction !== 'string' || !r.jurisdiction) continue;
    codes.add(r.jurisdiction);
    if (r.jurisdiction.includes('-')) codes.add(r.jurisdiction.split('-')[0]);
  }
  const sortKey = (code) => {
    const [country] = code.split('-');
    return `${regionName(country)}\u0000${code === country ? '' : regionName(code)}`;
  };
  return [...codes].sort((a, b) => sortKey(a).localeCompare(sortKey(b), textLocale())).map((code) => [code, t('lab.region.option', { name: regionName(code), code })]);
}

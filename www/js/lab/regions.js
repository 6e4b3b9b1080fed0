// Regions as the rule registry names them (`AU`, `US-TX`): their names in words, and the list
// the audit offers — every region the registry has rules for, the country of each state among
// them, and a few markets more, where only the platforms' own rules hold.

/** Markets with no rules of their own in the registry, offered for the platforms' own rules. */
const MARKETS = ['GB', 'US'];

/** US states by their code (the registry's rules of a state name it `US-XX`). */
const US_STATES = { AL: 'Alabama', LA: 'Louisiana', TX: 'Texas', UT: 'Utah', CA: 'California', NY: 'New York', FL: 'Florida' };

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Texas, United States" for `US-TX`, "Australia" for `AU`; the code itself when unknown. */
export function regionName(code) {
  const [country, part] = String(code).split('-');
  let name;
  try {
    name = countryNames.of(country);
  } catch {
    return String(code);
  }
  if (!part) return name ?? String(code);
  return US_STATES[part] && country === 'US' ? `${US_STATES[part]}, ${name}` : String(code);
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
  return [...codes].sort((a, b) => sortKey(a).localeCompare(sortKey(b))).map((code) => [code, `${regionName(code)} (${code})`]);
}

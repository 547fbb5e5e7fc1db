// A large fictitious directory in the app's HSDS subset, for the services
// e2e test and the benchmark: `count` active services over a few types,
// communes and languages, every one with an organization, a location, a
// phone and tags. Deterministic, so counts can be checked.
const TYPES = ['cpms', 'amo', 'sas', 'school_mediation', 'mission_locale', 'cpas', 'mental_health', 'infor_jeunes'];
const PLACES = [
  ['4000', 'Liège'],
  ['4020', 'Liège'],
  ['1000', 'Bruxelles'],
  ['5000', 'Namur'],
  ['6000', 'Charleroi'],
  ['7000', 'Mons'],
  ['75011', 'Paris'],
  ['69001', 'Lyon'],
];
const WORDS = ['écoute', 'école', 'famille', 'logement', 'santé', 'orientation', 'devoirs', 'argent'];

/** The directory as the JSON text a coordinator would load. */
export function bigDirectory(count = 2000) {
  const organizations = [];
  const locations = [];
  const services = [];
  for (let n = 0; n < count; n += 1) {
    const [postal, city] = PLACES[n % PLACES.length];
    const country = postal.length === 5 ? 'FR' : 'BE';
    const type = TYPES[n % TYPES.length];
    const word = WORDS[(n * 7) % WORDS.length];
    organizations.push({ id: `org-${n}`, name: `Organisation ${n} (fictive)`, description: `Une organisation inventée, numéro ${n}.` });
    locations.push({
      id: `loc-${n}`,
      addresses: [
        { id: `adr-${n}`, address_1: `Rue de l'Exemple ${n}`, city, state_province: city, postal_code: postal, country, address_type: 'physical' },
      ],
    });
    services.push({
      id: `service-${n}`,
      organization_id: `org-${n}`,
      name: `Service ${n} ${type} de ${city}`,
      description: `Aide pour ${word}, à ${city}. Service inventé pour les tests.`,
      status: 'active',
      assured_date: '2026-11-01',
      phones: [{ id: `tel-${n}`, number: `04 000 ${String(n).padStart(4, '0')}` }],
      languages: [{ id: `lang-${n}`, code: n % 3 === 0 ? 'nl' : 'fr' }],
      service_at_locations: [{ id: `sal-${n}`, location_id: `loc-${n}` }],
      attributes: [
        { taxonomy_term: { taxonomy: 'amarre:service_type', code: type } },
        { taxonomy_term: { taxonomy: 'amarre:postal_code', code: postal } },
        { taxonomy_term: { taxonomy: 'amarre:commune', code: city } },
      ],
    });
  }
  return JSON.stringify({ name: `Annuaire de test (${count} services fictifs)`, organizations, locations, services });
}

/** How many services of `bigDirectory(count)` a search for `word` finds. */
export function expectedMatches(count, word) {
  let found = 0;
  for (let n = 0; n < count; n += 1) {
    const [, city] = PLACES[n % PLACES.length];
    const text = `Service ${n} ${TYPES[n % TYPES.length]} de ${city} Organisation ${n} (fictive) Aide pour ${WORDS[(n * 7) % WORDS.length]}, à ${city}. ${city}`;
    const fold = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (fold(text).includes(fold(word))) found += 1;
  }
  return found;
}

/**
 * The seed story's profiles as requests, shared by the pure tests and the API test. Invented names; the facts
 * follow the published cases: an old tractor-parts wholesaler that became an electronics wholesaler months
 * after the invasion, with one employee, shipping processors to Russia through Malaysia, Viet Nam and China.
 */
export const KOMINVEX_LIKE = {
  role: 'exporter',
  kind: 'organization',
  name: 'Komtrade Invest d.o.o.',
  country: 'RS',
  company: {
    incorporatedOn: '2005-03-10',
    activity: { scheme: 'NACE', code: '46.52', changedOn: '2022-11-15' },
    employees: 1,
    turnover: { amount: 150000, currency: 'EUR' },
  },
} as const;

export const PROCESSORS_TO_RUSSIA = {
  reference: 'kominvex-like',
  date: '2023-06-15',
  parties: [
    KOMINVEX_LIKE,
    { role: 'consignee', kind: 'organization', name: 'OOO Bitmarket Trade', country: 'RU' },
  ],
  goods: [{ code: '8542.31', description: 'processors' }],
  route: { origin: 'RS', transit: ['MY', 'VN', 'CN'], destination: 'RU' },
  transaction: { value: { amount: 1800000, currency: 'EUR' }, incoterms: 'FCA', paymentOriginCountry: 'HK' },
};

/** The same exporter, the same money, apples to a German consignee: nothing of it is about diversion. */
export const APPLES_TO_GERMANY = {
  ...PROCESSORS_TO_RUSSIA,
  reference: 'apples',
  parties: [
    KOMINVEX_LIKE,
    { role: 'consignee', kind: 'organization', name: 'Obsthandel Nord GmbH', country: 'DE' },
  ],
  goods: [{ code: '0808.10', description: 'apples' }],
  route: { origin: 'RS', destination: 'DE' },
};

/** Founded months after the invasion, millions of turnover in its first half-year. */
export const SOHA_LIKE_SHIPMENT = {
  reference: 'soha-like',
  date: '2023-06-15',
  parties: [
    {
      role: 'exporter',
      kind: 'organization',
      name: 'Sohainfo Trading LLC',
      country: 'AM',
      company: { incorporatedOn: '2022-06-20', employees: 3, turnover: { amount: 4500000, currency: 'EUR' } },
    },
    { role: 'consignee', kind: 'organization', name: 'OOO Mikrosnab', country: 'RU' },
  ],
  goods: [{ code: '8542.31', description: 'processors' }],
  route: { origin: 'AM', destination: 'RU' },
  transaction: { value: { amount: 400000, currency: 'EUR' } },
};

/** The seed story's expected flags: activity change, size, route and payment; not age, not activity fit. */
export const KOMINVEX_FLAGS = [
  'activity-changed-recently',
  'diversion-route',
  'third-country-payment',
  'value-per-employee',
  'value-vs-turnover',
];

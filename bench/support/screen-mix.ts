/**
 * Request bodies for the HTTP benchmark: one party and two goods lines, as a bank or exporter sends them.
 * Names vary on every request (tens of thousands of combinations, ~10% real listed names) so that no cache —
 * ours, V8's or PostgreSQL's — flatters the figures with the same query over and over.
 */
const FIRST = (
  'Anna Jovan Mei Carlos Fatima Olav Priya Tomasz Aiko Kwame Lucia Dmitri Ingrid Rahul Sofia Mateo Yusuf ' +
  'Hannah Pierre Elif Chen Amara Lars Noor Diego Zofia Kenji Leila Marco Ewa Samir Greta Tariq Nadia Pablo'
).split(' ');
const LAST = (
  'Novak Lindqvist Okafor Haddad Moreau Kowalski Tanaka Silva Ivanova Petrovic Schmidt Rossi Nguyen Costa ' +
  'Jensen Horvat Demir Almeida Brennan Fischer Kaur Yamamoto Dubois Mendes Varga Popescu Larsen Rahman Weber'
).split(' ');
const FIRM_A = (
  'Baltic Danube Andes Nordic Alpine Meridian Harbor Summit Coastal Pioneer Atlas Orion Cedar Falcon ' +
  'Granite Horizon Keystone Liberty Mosaic Northstar Pacific Quantum Riverside Sterling Titan Vector'
).split(' ');
const FIRM_B = (
  'Freight Components Mining Logistics Optics Textiles Machinery Pharma Foods Energy Polymers Metals ' +
  'Electronics Shipping Trading Instruments Agro Systems Marine Chemicals'
).split(' ');
const FORMS = ['GmbH', 'Ltd', 'S.A.', 'LLC', 'd.o.o.', 'AB', 'S.p.A.', 'Sp. z o.o.', 'Inc.', 'B.V.'];
const COUNTRIES = ['DE', 'FR', 'IT', 'PL', 'RS', 'TR', 'AE', 'CN', 'IN', 'US', 'GB', 'NL', 'SE', 'BR'];
const GOODS = [
  { code: '8471.30', description: 'portable computers' },
  { code: '8542.31', description: 'processors' },
  { code: '8708.99', description: 'vehicle parts' },
  { code: '3004.90', description: 'medicaments' },
  { code: '8517.62', description: 'network switches' },
  { code: '6109.10', description: 'cotton T-shirts' },
  { code: '8479.89', description: 'industrial machines' },
  { code: '9013.80', description: 'optical devices' },
];

/** A small fast PRNG so runs are reproducible. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createScreenMix(listedNames: string[], seed = 42) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  let n = 0;
  return function next(): Record<string, unknown> {
    n++;
    const roll = r();
    let name: string;
    let kind: string;
    if (roll < 0.1 && listedNames.length > 0) {
      name = pick(listedNames);
      kind = 'unknown';
    } else if (roll < 0.55) {
      name = `${pick(FIRST)} ${pick(LAST)}`;
      kind = 'person';
    } else {
      name = `${pick(FIRM_A)} ${pick(FIRM_B)} ${pick(FORMS)}`;
      kind = 'organization';
    }
    const origin = pick(COUNTRIES);
    const destination = pick(COUNTRIES);
    return {
      reference: `bench-${n}`,
      parties: [{ role: 'consignee', kind, name, country: destination }],
      goods: [pick(GOODS), pick(GOODS)],
      route: { origin, destination },
    };
  };
}

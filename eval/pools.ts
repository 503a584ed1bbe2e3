/**
 * Word pools for invented, real-looking names that are on no list. Written for this eval, not taken from
 * any list. Invented brand words are built from syllables and checked against the loaded vocabulary.
 */
export const FIRST_NAMES = [
  'Marko', 'Jelena', 'Thomas', 'Sophie', 'Lukas', 'Emma', 'Pierre', 'Claire', 'Giulia', 'Matteo', 'Anna', 'Jan',
  'Piotr', 'Katarzyna', 'Oksana', 'Taras', 'Ivana', 'Stefan', 'Miguel', 'Lucia', 'Ahmet', 'Elif', 'Kenji', 'Yuki',
  'Priya', 'Rahul', 'Chen', 'Mei', 'David', 'Sarah', 'Lars', 'Ingrid', 'Olga', 'Pavel', 'Nikola', 'Milica',
  'Dmitri', 'Svetlana', 'Hans', 'Greta', 'Omar', 'Layla', 'Carlos', 'Ana', 'Joao', 'Beatriz', 'Erik', 'Freya',
];
export const SURNAMES = [
  'Schneider', 'Fischer', 'Dubois', 'Lefebvre', 'Rossi', 'Bianchi', 'Kowalski', 'Nowak', 'Horvat', 'Novak',
  'Jovanovic', 'Nikolic', 'Kovalenko', 'Bondarenko', 'Garcia', 'Fernandez', 'Yilmaz', 'Demir', 'Tanaka',
  'Suzuki', 'Sharma', 'Patel', 'Wang', 'Li', 'Andersson', 'Johansson', 'Smirnova', 'Volkova', 'Kuznetsova',
  'Hoffmann', 'Becker', 'Moreau', 'Laurent', 'Esposito', 'Romano', 'Wisniewski', 'Wojcik', 'Babic', 'Markovic',
  'Lindqvist', 'Haugen', 'Virtanen', 'Korhonen', 'Silva', 'Santos', 'Costa', 'Murphy', 'Kelly', 'OBrien',
];
export const SYLLABLES = [
  'ka', 'lo', 'mi', 'ner', 'vo', 'tra', 'sen', 'dor', 'li', 'ban', 'zu', 're', 'fin', 'tal', 'gro', 'ven',
  'sol', 'mar', 'qui', 'pex', 'lun', 'bri', 'sta', 'ron', 'vel', 'dex', 'nor', 'ax', 'ti', 'mo', 'ur', 'pla',
];
export const INDUSTRY = [
  'Trading', 'Logistics', 'Technologies', 'Engineering', 'Consulting', 'Industries', 'Holding', 'Group',
  'International', 'Services', 'Solutions', 'Systems', 'Import Export', 'Energy', 'Shipping', 'Development',
  'Capital', 'Investment', 'Foods', 'Textiles', 'Electronics', 'Machinery', 'Chemicals', 'Medical',
];
export const PLACES = ['Beograd', 'Moscow', 'Dubai', 'Istanbul', 'Hong Kong', 'Minsk', 'Almaty', 'Riga', 'Sofia'];
export const FAMOUS = [
  'Intel Corporation', 'Siemens AG', 'Nestle SA', 'Toyota Motor Corporation', 'Unilever PLC', 'Bosch GmbH',
  'Maersk Line', 'Deutsche Bank AG', 'Carrefour SA', 'Ericsson AB', 'Philips NV', 'Heineken NV', 'Ikea AB',
  'Volvo Cars', 'Nokia Oyj', 'Samsung Electronics', 'Sony Group', 'Tata Steel', 'Infosys Limited',
];
export const LEGAL_VARIANTS: Record<string, string[]> = {
  llc: ['LLC', 'OOO', 'ООО', 'Limited Liability Company', 'd.o.o.', 'DOO', 'GmbH', 'Sp. z o.o.', 'SRL', 'Ltd', 'TOV'],
  jsc: ['JSC', 'AO', 'АО', 'PJSC', 'PAO', 'OAO', 'ZAO', 'Joint Stock Company', 'AG', 'SA', 'PLC', 'AD'],
  other: ['Inc', 'Corp', 'Co', 'Limited', 'LLP', 'BV', 'NV', 'AB', 'OY', 'SpA', 'SARL', 'FZE', 'FZCO'],
};

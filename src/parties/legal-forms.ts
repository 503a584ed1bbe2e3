import { skeleton } from './skeleton.ts';

/**
 * Legal-form words and phrases, written as ASCII tokens (after transliteration and splitting on dots, so
 * "d.o.o." arrives as "d o o" and "ООО" as "ooo"). They are weak tokens: recognised on both sides and left
 * out of the name comparison, so "Kominvex d.o.o." meets "KOMINVEX DOO BEOGRAD" and "Trading LLC" is only
 * "trading". Matched on skeletons, so romanisation variants of the Russian phrases fold together.
 */
const PHRASES = [
  'limited liability company',
  'limited liability partnership',
  'limited partnership',
  'limited company',
  'private limited company',
  'public limited company',
  'public joint stock company',
  'closed joint stock company',
  'open joint stock company',
  'joint stock company',
  'joint-stock company',
  'company limited',
  'co ltd',
  'pvt ltd',
  'pte ltd',
  'pty ltd',
  'sdn bhd',
  'ltd sti',
  'san ve tic',
  'obshchestvo s ogranichennoy otvetstvennostyu',
  'obshchestvo s ogranichennoi otvetstvennostiu',
  'aktsionernoe obshchestvo',
  'aktsionernoye obshchestvo',
  'zakrytoe aktsionernoe obshchestvo',
  'otkrytoe aktsionernoe obshchestvo',
  'publichnoe aktsionernoe obshchestvo',
  'tovarystvo z obmezhenoyu vidpovidalnistyu',
  'drustvo sa ogranicenom odgovornoscu',
  'gesellschaft mit beschrankter haftung',
  'societe anonyme',
  'societe a responsabilite limitee',
  'sociedad anonima',
  'societa per azioni',
  'sp z o o',
  'sp zoo',
  'd o o',
  'd d',
  'a d',
  'l l c',
  'j s c',
  'p j s c',
  'o o o',
  'z a o',
  'o a o',
  'p a o',
  's a',
  's a s',
  's r l',
  's p a',
  's a r l',
  'b v',
  'n v',
  'a g',
  'a s',
  'a b',
  'p l c',
  'l l p',
  'l p',
  'fz llc',
  's a l',
  'fze llc',
];

const SINGLE = [
  'ooo',
  'llc',
  'zao',
  'ao',
  'pao',
  'oao',
  'pjsc',
  'jsc',
  'ojsc',
  'cjsc',
  'tov',
  'pat',
  'prat',
  'doo',
  'dd',
  'ad',
  'ood',
  'eood',
  'ead',
  'gmbh',
  'ag',
  'kg',
  'ltd',
  'limited',
  'sa',
  'sas',
  'srl',
  'sarl',
  'spa',
  'spzoo',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'llp',
  'lp',
  'plc',
  'bv',
  'nv',
  'as',
  'oy',
  'oyj',
  'ab',
  'fze',
  'fzco',
  'fzc',
  'fzllc',
  'sro',
  'kft',
  'zrt',
  'bhd',
  'pte',
  'pvt',
  'pty',
  'sti',
  'tic',
  'jv',
  'fgup',
  'gup',
  'mup',
  'ip',
  'sal',
  // Words of the long forms, for when word order or a typo breaks the phrase ("Stock Company X Joint").
  'liability',
  'joint',
  'obshchestvo',
  'aktsionernoe',
  'aktsionernoye',
  'publichnoe',
  'zakrytoe',
  'otkrytoe',
  'ogranichennoi',
  'ogranichennoy',
  'otvetstvennostyu',
  'tovarystvo',
];

export const LEGAL_SINGLE: ReadonlySet<string> = new Set(SINGLE.map(skeleton));

/** Phrases as skeleton-token arrays, longest first so "limited liability company" beats "limited". */
const PHRASE_SKELETONS: string[][] = PHRASES.map((p) => p.split(/[\s-]+/).map(skeleton)).sort(
  (a, b) => b.length - a.length,
);

/** Marks, for each position of a skeleton token list, whether it belongs to a legal-form word or phrase. */
export function markLegalForms(skels: readonly string[]): boolean[] {
  const legal = new Array<boolean>(skels.length).fill(false);
  for (let i = 0; i < skels.length; i++) {
    if (legal[i]) continue;
    for (const phrase of PHRASE_SKELETONS) {
      if (phrase.length > skels.length - i || phrase.length < 2) continue;
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) ok = skels[i + k] === phrase[k];
      if (ok) {
        for (let k = 0; k < phrase.length; k++) legal[i + k] = true;
        break;
      }
    }
    if (!legal[i] && LEGAL_SINGLE.has(skels[i]!)) legal[i] = true;
  }
  return legal;
}

import { GENERIC, isNasabMarker, STATUS, TAIL, tokenizeName } from './tokenize.ts';

/** Words of a name written as a person's, given and family name at least; a longer name is a chain (nasab). */
const MIN_WORDS = 2;
const MAX_WORDS = 5;

/**
 * Whether a name of unknown kind is shaped as a person's name: two to five words, every one letters only, and as
 * an organisation's name it has no legal form, no generic word of kind ("bank", "plant") nor of status, no nasab
 * chain. Such a name is also read as a person's (search.ts), so the rules that know a person's given and family
 * name run on it:
 * "Mohammed BADER" typed for "BADER, Mohammed Maher Yousef" is a given and family name found with the father's
 * names left out (given-family.ts), which a firm's reading cannot say. Read as a firm's only, such names stayed
 * below review: `eval:match --set variants` first-last 94.4 → 96.8% (seed 1) and 94.4 → 97.6% (seed 2), where 70%
 * of the queries carry no kind. The person reading costs a second search of the name, only for names this short,
 * and is scored on listed persons only (search.ts).
 */
export function personShaped(raw: string): boolean {
  const t = tokenizeName(raw, false);
  const n = t.skels.length;
  if (n < MIN_WORDS || n > MAX_WORDS || t.legal.length > 0) return false;
  for (let i = 0; i < n; i++) {
    if (t.flags[i]! & (GENERIC | STATUS | TAIL) || /\d/.test(t.words[i]!)) return false;
    // A nasab chain ("LOUBIRI Habib Ben Mahmoud"): the person's rules weigh the father's name as half a name, and a
    // father other than the listed one's ("Bin Ahmed") is another man, which the firm's reading keeps below review.
    if (i > 0 && isNasabMarker(t.skels[i]!)) return false;
  }
  return true;
}

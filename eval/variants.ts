import { toAscii } from '../src/parties/translit.ts';
import { LEGAL_VARIANTS } from './pools.ts';
import { chance, pick, type Rng } from './rng.ts';
import { latinToCyrillic, respell } from './romanise.ts';

/** Each returns a changed name, or null when the transformation does not apply to this name. */
export type Variant = (r: Rng, name: string, person: boolean) => string | null;

const LEGAL_WORDS = new Set(
  Object.values(LEGAL_VARIANTS)
    .flat()
    .concat(['LIMITED', 'LIABILITY', 'COMPANY', 'JOINT', 'STOCK', 'PUBLIC', 'CLOSED', 'OPEN'])
    .map((w) => w.toUpperCase().replace(/\./g, '')),
);
const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
const isLegal = (w: string) => LEGAL_WORDS.has(w.toUpperCase().replace(/\./g, ''));
const isCyrillic = (s: string) => /[\u0400-\u04ff]/.test(s);

export const transliteration: Variant = (r, name) => {
  if (isCyrillic(name)) return respell(r, toAscii(name)).toUpperCase();
  if (!/^[A-Za-z ,.'-]+$/.test(name)) return null;
  const out = chance(r, 0.5) ? latinToCyrillic(name) : respell(r, name);
  return out.toLowerCase() === name.toLowerCase() ? null : out;
};

export const legalForm: Variant = (r, name, person) => {
  if (person) return null;
  const ws = words(name);
  const core = ws.filter((w) => !isLegal(w));
  if (core.length === 0) return null;
  const form = pick(r, pick(r, Object.values(LEGAL_VARIANTS)));
  const had = core.length !== ws.length;
  if (had && chance(r, 0.3)) return core.join(' ');
  return chance(r, 0.5) ? `${form} ${core.join(' ')}` : `${core.join(' ')} ${form}`;
};

export const tokenOrder: Variant = (r, name, person) => {
  const ws = words(name.replace(/,/g, ' '));
  if (ws.length < 2) return null;
  if (person)
    return name.includes(',') ? ws.slice(1).concat(ws[0]!).join(' ') : ws.slice().reverse().join(' ');
  const k = 1 + Math.floor(r() * (ws.length - 1));
  return ws.slice(k).concat(ws.slice(0, k)).join(' ');
};

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';
function typoWord(r: Rng, w: string): string {
  const p = 1 + Math.floor(r() * (w.length - 2));
  const op = Math.floor(r() * 4);
  const c = pick(r, [...KEYS]);
  if (op === 0) return w.slice(0, p) + c + w.slice(p + 1);
  if (op === 1) return w.slice(0, p) + w.slice(p + 1);
  if (op === 2) return w.slice(0, p) + c + w.slice(p);
  return w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
}

export const typo: Variant = (r, name) => {
  const ws = words(name);
  const idx = ws
    .map((w, i) => (w.length >= 5 && !isLegal(w) && /^[A-Za-z]+$/.test(w) ? i : -1))
    .filter((i) => i >= 0);
  if (idx.length === 0) return null;
  const i = pick(r, idx);
  let w = typoWord(r, ws[i]!);
  if (w.length >= 10 && chance(r, 0.2)) w = typoWord(r, w);
  ws[i] = w.toUpperCase() === ws[i]!.toUpperCase() ? `${w}a` : w;
  return ws.join(' ');
};

export const truncation: Variant = (r, name, person) => {
  const ws = words(name);
  const core = ws.filter((w) => !isLegal(w));
  if (core.length < 3) return null;
  if (person) {
    // Drop a middle name or patronymic, never the surname.
    const i = name.includes(',')
      ? 2 + Math.floor(r() * (ws.length - 2))
      : 1 + Math.floor(r() * (ws.length - 2));
    return ws.filter((_, j) => j !== Math.min(i, ws.length - 1)).join(' ');
  }
  return core.slice(0, core.length - 1).join(' ');
};

export const glue: Variant = (r, name) => {
  const ws = words(name);
  const pairs = ws
    .map((_w, i) => i)
    .filter((i) => i + 1 < ws.length && !isLegal(ws[i]!) && !isLegal(ws[i + 1]!));
  const longs = ws.map((w, i) => (w.length >= 8 && !isLegal(w) ? i : -1)).filter((i) => i >= 0);
  if (pairs.length > 0 && (longs.length === 0 || chance(r, 0.5))) {
    const i = pick(r, pairs);
    ws.splice(i, 2, ws[i]! + ws[i + 1]!);
    return ws.join(' ');
  }
  if (longs.length === 0) return null;
  const i = pick(r, longs);
  const w = ws[i]!;
  const cut = 3 + Math.floor(r() * (w.length - 5));
  ws.splice(i, 1, w.slice(0, cut), w.slice(cut));
  return ws.join(' ');
};

export const POSITIVE_VARIANTS: Record<string, Variant> = {
  transliteration,
  'legal-form': legalForm,
  'token-order': tokenOrder,
  typo,
  truncation,
  'glued-split': glue,
};

import table from './data/translit/hanja.json' with { type: 'json' };
import { romaniseHangul } from './translit-hangul.ts';

/**
 * Korean names are also written in Han characters (hanja: 金正恩 is 김정은, Kim Jong Un), which any-ascii reads as
 * Mandarin ("jin zheng en"). A Han character has one Sino-Korean reading (data/translit/hanja.json, the characters
 * of Korean surnames and given names), romanised as the Hangul it stands for. Only a name shaped as a Korean or
 * Chinese personal name gets it: 2–4 Han characters and nothing else. A longer run is a firm's or a place's name,
 * which no list spells in Korean readings of Chinese characters.
 */
const READINGS = new Map<string, string>(Object.entries(table.readings));
const HAN_CHAR = /^\p{Script=Han}$/u;
const MIN_CHARS = 2;
const MAX_CHARS = 4;

/** Whether the segmented chunks (one per Han character, segment.ts) are a personal name of Han characters only. */
export function isHanPersonName(chunks: readonly string[]): boolean {
  return chunks.length >= MIN_CHARS && chunks.length <= MAX_CHARS && chunks.every((c) => HAN_CHAR.test(c));
}

/** The Korean reading of one Han character in the lists' (DPRK) spelling, or undefined when the table lacks it. */
export function koreanReading(char: string): string | undefined {
  const hangul = READINGS.get(char);
  return hangul === undefined ? undefined : romaniseHangul(hangul);
}

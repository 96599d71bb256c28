// The server's VariantKey (people/matching), written again for the search of the local store: a
// coarser key than the phonetic key, merging the consonant classes that romanisations of one Arabic
// letter fall into (g/gh/j/dj and di or dy before a vowel, s/z/th/dh/ts, b/p/f/v, sh/ch/sch/tch,
// k/q/ck, kh/x/h, d/t), vowels, y and w dropped, a final h dropped, a letter repeated counted once.
// Checked against the server's vectors (src/test/resources/matching/folding-vectors.json).

import { dy } from './phoneticKey';

/** The key of one word; non-letters are ignored. */
export function variantKey(word: string): string {
  const s = lettersOf(word);
  let key = '';
  let previous = '';
  let afterDigraphH = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    const next = s.charAt(i + 1);
    const consumed = c === 'd' && dy(s, i) ? 2 : digraphLength(c, next, s.charAt(i + 2));
    const code = consumed > 1 ? digraph(c, next) : single(c, next, i === s.length - 1, afterDigraphH);
    if (code === 'A') {
      previous = '';
    } else if (code !== '' && code !== previous) {
      key += code;
      previous = code;
    }
    afterDigraphH = consumed === 2 && next === 'h';
    i += consumed;
  }
  return key;
}

/** How many letters the sound at `c` takes: 3 for sch and tch, 2 for a digraph, else 1. */
function digraphLength(c: string, next: string, afterNext: string): number {
  if ((c === 's' || c === 't') && next === 'c' && afterNext === 'h') return 3;
  const h = next === 'h' && 'scktgdp'.includes(c);
  const other = (c === 't' && (next === 's' || next === 'z')) || (c === 'c' && next === 'k') || (c === 'd' && next === 'j');
  return h || other ? 2 : 1;
}

function digraph(c: string, next: string): string {
  if (next === 'c' || (next === 'h' && (c === 's' || c === 'c'))) return 'X';
  switch (c) {
    case 'k': return next === 'h' ? 'H' : 'K';
    case 'g': return 'J';
    case 'd': return next === 'h' ? 'S' : 'J';
    case 't': return 'S';
    case 'p': return 'F';
    default: return 'K';
  }
}

function single(c: string, next: string, last: boolean, afterDigraphH: boolean): string {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': return 'A';
    case 'h': return last || afterDigraphH ? '' : 'H';
    case 'x': return 'H';
    case 'c': return next === 'e' || next === 'i' || next === 'y' ? 'S' : 'K';
    case 's': case 'z': return 'S';
    case 'k': case 'q': return 'K';
    case 'g': case 'j': return 'J';
    case 'd': case 't': return 'T';
    case 'b': case 'p': case 'f': case 'v': return 'F';
    case 'l': case 'm': case 'n': case 'r': return c.toUpperCase();
    default: return '';
  }
}

function lettersOf(word: string): string {
  let letters = '';
  for (const unit of word) {
    // Java lower-cases one UTF-16 unit at a time; a letter whose lower case is not a-z is skipped
    const c = unit.length === 1 ? unit.toLowerCase() : '';
    if (c.length === 1 && c >= 'a' && c <= 'z') letters += c;
  }
  return letters;
}

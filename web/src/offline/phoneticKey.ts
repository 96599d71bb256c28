// The server's PhoneticKey (people/matching): the consonant skeleton of a word, with the letters
// romanisations use for one sound merged, so that Mohamed, Muhammad and محمد meet on MHMT.

/** The key of one word; non-letters are ignored. */
export function phoneticKey(word: string): string {
  const s = word.toLowerCase().replace(/[^a-z]/g, '');
  let key = '';
  let previous = '';
  let i = 0;
  while (i < s.length) {
    const [code, consumed] = codeAt(s, i);
    if (code === 'A') {
      if (key.length === 0) key += 'A';
      previous = '';
    } else if (code !== '' && code !== previous) {
      key += code;
      previous = code;
    }
    i += consumed;
  }
  return key;
}

const PAIRS: Record<string, string> = {
  sh: 'S', ch: 'S', ts: 'S', tz: 'S', kh: 'H', gh: 'K', ck: 'K', dh: 'T', th: 'T', ph: 'F', dj: 'J',
};

function codeAt(s: string, i: number): [string, number] {
  const three = s.substring(i, i + 3);
  if (three === 'sch' || three === 'tch') return ['S', 3];
  if (s.charAt(i) === 'd' && dy(s, i)) return ['J', 2];
  const pair = PAIRS[s.substring(i, i + 2)];
  if (pair !== undefined && i + 1 < s.length) return [pair, 2];
  return [single(s.charAt(i), s.charAt(i + 1), i === s.length - 1), 1];
}

/** Whether the d at `i` sounds j: di or dy before another vowel ("Diallo", "Ndiaye"), not a final e ("Élodie"). */
export function dy(letters: string, i: number): boolean {
  const next = letters.charAt(i + 1);
  const vowel = letters.charAt(i + 2);
  if (next !== 'i' && next !== 'y') return false;
  return vowel === 'a' || vowel === 'o' || vowel === 'u' || (vowel === 'e' && i + 3 < letters.length);
}

function single(c: string, next: string, last: boolean): string {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': case 'v': return 'A';
    case 'h': case 'x': return last ? '' : 'H';
    case 'c': return next === 'e' || next === 'i' || next === 'y' ? 'S' : 'K';
    case 's': return 'S';
    case 'z': return 'Z';
    case 'k': case 'q': case 'g': return 'K';
    case 'd': case 't': return 'T';
    case 'b': case 'p': return 'B';
    case 'j': return 'J';
    case 'f': return 'F';
    case 'l': case 'm': case 'n': case 'r': return c.toUpperCase();
    default: return '';
  }
}

// The server's name folding and phonetic key (people/matching NameFolding, ArabicRomanizer,
// EthiopicRomanizer, PhoneticKey), written again for the search of the local store: a name folds
// to the same words and keys on the device as on the server. Both sides are checked against the
// same vectors (src/test/resources/name-folding-vectors.json), which the server's test rewrites
// when the folding changes: a change there that is not made here fails this side's test.

const MARK = /[\p{Mn}\p{Me}]/u;
const LETTER = /\p{L}/u;

/** Lower-case Latin words separated by single spaces, as the server's NameFolding.fold. */
export function foldName(name: string): string {
  const composed = name.normalize('NFKC');
  let latin = '';
  let i = 0;
  while (i < composed.length) {
    const code = composed.charCodeAt(i);
    let end = i;
    if (isArabic(code)) {
      while (end < composed.length && isArabic(composed.charCodeAt(end))) end++;
      latin += ` ${romaniseArabic(composed.substring(i, end))} `;
    } else if (isEthiopic(code)) {
      while (end < composed.length && isEthiopic(composed.charCodeAt(end))) end++;
      latin += ` ${romaniseEthiopic(composed.substring(i, end))} `;
    } else {
      latin += spelt(lowerCase(composed.charAt(i)));
      end = i + 1;
    }
    i = end;
  }
  return stripMarks(latin);
}

/** The words of a folded name, each with its phonetic key: what the local search indexes. */
export function nameWords(name: string): string[] {
  return foldName(name).split(' ').filter((word) => word.length > 0);
}

function lowerCase(c: string): string {
  // Java lower-cases one UTF-16 unit to one unit; İ gives i there, "i̇" here, whose dot goes later
  return c.toLowerCase();
}

function spelt(c: string): string {
  switch (c) {
    case 'ç': return 's';
    case 'ß': return 'ss';
    case 'æ': return 'ae';
    case 'œ': return 'oe';
    case 'ø': return 'o';
    case 'ł': return 'l';
    case 'đ': case 'ð': return 'd';
    case 'þ': return 'th';
    case 'ı': return 'i';
    case "'": case '’': case '‘': case 'ʼ': case 'ʿ': case 'ʾ': case '`': case '´': return '';
    default: return c;
  }
}

function stripMarks(text: string): string {
  const decomposed = text.normalize('NFKD');
  let folded = '';
  let space = true;
  for (const c of decomposed) {
    if (MARK.test(c)) continue;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      folded += c;
      space = false;
    } else if (!space) {
      folded += ' ';
      space = true;
    }
  }
  return folded.trim();
}

function isArabic(code: number): boolean {
  return (code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f);
}

function isArabicLetter(c: string): boolean {
  return isArabic(c.charCodeAt(0)) && LETTER.test(c);
}

function romaniseArabic(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const wordStart = i === 0 || !isArabicLetter(text.charAt(i - 1));
    if (c === '\u0627' && wordStart && i + 2 < text.length && text.charAt(i + 1) === '\u0644'
        && isArabicLetter(text.charAt(i + 2))) {
      out += 'al ';
      i++;
      continue;
    }
    if (c === '\u0651') {
      out = doubleLastConsonant(out);
      continue;
    }
    out += arabicLetter(c, wordStart);
  }
  return out;
}

function doubleLastConsonant(out: string): string {
  for (let k = out.length - 1; k >= 0; k--) {
    const c = out.charAt(k);
    if (!LETTER.test(c)) return out;
    if (!'aeiou'.includes(c)) return out.slice(0, k + 1) + c + out.slice(k + 1);
  }
  return out;
}

const ARABIC_LETTERS: Record<string, string> = {};
function spell(letters: string, latin: string): void {
  for (const c of letters) ARABIC_LETTERS[c] = latin;
}
spell('\u0627\u0623\u0622\u0671\u0649\u0629\u0639\u064E\u0670\u06C0', 'a');
spell('\u0625\u0650', 'i');
spell('\u064F', 'ou');
spell('\u0628', 'b');
spell('\u062A\u0637\u0679\u067C', 't');
spell('\u062B', 'th');
spell('\u062C', 'j');
spell('\u062D\u0647\u06BE\u06C1', 'h');
spell('\u062E', 'kh');
spell('\u062F\u0636\u0688\u0689', 'd');
spell('\u0630', 'dh');
spell('\u0631\u0691\u0693', 'r');
spell('\u0632\u0638\u0681', 'z');
spell('\u0633\u0635\u0685', 's');
spell('\u0634\u0686\u069A', 'ch');
spell('\u063A', 'gh');
spell('\u0641', 'f');
spell('\u0642\u0643\u06A9', 'k');
spell('\u06AF', 'g');
spell('\u0644', 'l');
spell('\u0645', 'm');
spell('\u0646\u06BA\u06BC', 'n');
spell('\u06D2\u06D3\u06D0', 'e');
spell('\u067E', 'p');
spell('\u0698\u0696', 'j');
spell('\u0621\u0640\u064B\u064C\u064D\u0652', '');

function arabicLetter(c: string, wordStart: boolean): string {
  if (c === '\u0648' || c === '\u0624') return wordStart ? 'w' : 'ou';
  if ('\u064A\u06CC\u0626\u06CD'.includes(c)) return wordStart ? 'y' : 'i';
  const latin = ARABIC_LETTERS[c];
  if (latin !== undefined) return latin;
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(48 + code - 0x06f0);
  return ' ';
}

function isEthiopic(code: number): boolean {
  return code >= 0x1200 && code <= 0x139f;
}

const ETHIOPIC_CONSONANTS = [
  'h', 'l', 'h', 'm', 's', 'r', 's', 'sh', 'k', 'kw', 'k', 'kw', 'b', 'v', 't', 'ch', 'h', 'hw', 'n', 'ny', '',
  'k', 'kw', 'kh', 'khw', 'w', '', 'z', 'zh', 'y', 'd', 'd', 'j', 'g', 'gw', 'ng', 't', 'ch', 'p', 'ts', 'ts',
  'f', 'p', '',
];
const ETHIOPIC_VOWELS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];
const LARYNGEAL_ROWS = new Set([0, 2, 16, 20, 26]);

function romaniseEthiopic(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += syllable(text.charCodeAt(i));
  return out;
}

function syllable(code: number): string {
  if (code < 0x1200 || code > 0x1357) return ' ';
  const row = Math.floor((code - 0x1200) / 8);
  const order = (code - 0x1200) % 8;
  const consonant = ETHIOPIC_CONSONANTS[row] ?? '';
  if (consonant.endsWith('w') && consonant.length > 1) {
    const vowel = order === 5 ? '' : order === 2 ? 'i' : order === 3 ? 'a' : 'e';
    return consonant + vowel;
  }
  let vowel = ETHIOPIC_VOWELS[order] ?? '';
  if (LARYNGEAL_ROWS.has(row) && order === 0) vowel = 'a';
  if (consonant === '' && order === 5) vowel = 'i';
  return consonant + vowel;
}

package org.passerelle.people.matching;

/**
 * A phonetic key for names of Arabic, Persian, Pashto and East or West African origin written in
 * Latin letters through French or English habits. It keeps the consonant skeleton and merges the
 * letters that romanisations use for one sound:
 *
 * <ul>
 *   <li>vowels and the vowel-like letters y, w, v are dropped, except that a name starting with one
 *       gets a leading {@code A} ("Youssef", "Ousmane", "Ibrahim");
 *   <li>sh, ch, sch, tch → S; s, c before e/i/y, ts, tz → S ("Aicha", "Aisha"; "Youcef", "Yusuf");
 *   <li>k, q, c (other), ck, g, gh → K ("Qasim", "Kacem", "Gasim"; "Ghulam", "Golam");
 *   <li>kh → H ("Khaled", "Haled"); h is kept, except at the end of a name ("Fatimah");
 *   <li>d, t, dh, th → T ("Mohamed", "Mahamat"; "Fatima", "Fadima");
 *   <li>j, dj, and di or dy before a vowel → J ("Djamel", "Jamal"; "Diallo", "Dyallo", "Djallo",
 *       "Jallo"); ph, f → F; p, b → B; double letters count once;
 *   <li>x → H, as in Somali spelling ("Maxamed").
 * </ul>
 *
 * "Mohamed", "Muhammad", "Mouhamed", "Mahamat" and the romanised Arabic "mhmd" all give
 * {@code MHMT}; "Tesfay", "Tesfaye", "Tesfai" give {@code TSF}.
 */
public final class PhoneticKey {

    private PhoneticKey() {}

    /** The key of one word; non-letters are ignored. */
    public static String of(String word) {
        String s = lettersOf(word);
        StringBuilder key = new StringBuilder(s.length());
        char previous = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            char afterNext = i + 2 < s.length() ? s.charAt(i + 2) : 0;
            char code;
            int consumed = 1;
            if ((c == 's' && next == 'c' && afterNext == 'h') || (c == 't' && next == 'c' && afterNext == 'h')) {
                code = 'S';
                consumed = 3;
            } else if ((c == 's' || c == 'c') && next == 'h') {
                code = 'S';
                consumed = 2;
            } else if ((c == 't' && (next == 's' || next == 'z'))) {
                code = 'S';
                consumed = 2;
            } else if ((c == 'k' && next == 'h')) {
                code = 'H';
                consumed = 2;
            } else if ((c == 'g' && next == 'h') || (c == 'c' && next == 'k')) {
                code = 'K';
                consumed = 2;
            } else if ((c == 'd' || c == 't') && next == 'h') {
                code = 'T';
                consumed = 2;
            } else if (c == 'p' && next == 'h') {
                code = 'F';
                consumed = 2;
            } else if (c == 'd' && (next == 'j' || dy(s, i))) {
                code = 'J';
                consumed = 2;
            } else {
                code = single(c, next, i == s.length() - 1);
            }
            if (code == 'A') {
                if (key.isEmpty()) {
                    key.append('A');
                }
                previous = 0;
            } else if (code != 0 && code != previous) {
                key.append(code);
                previous = code;
            }
            i += consumed;
        }
        return key.toString();
    }

    /**
     * Whether the d at {@code i} of these letters sounds j: di or dy before another vowel ("Diallo",
     * "Ndiaye", "Dyallo"), but not before a final e ("Élodie", "Claudie").
     */
    static boolean dy(String letters, int i) {
        if (i + 2 >= letters.length() || (letters.charAt(i + 1) != 'i' && letters.charAt(i + 1) != 'y')) {
            return false;
        }
        char vowel = letters.charAt(i + 2);
        return vowel == 'a' || vowel == 'o' || vowel == 'u' || (vowel == 'e' && i + 3 < letters.length());
    }

    private static char single(char c, char next, boolean last) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'v' -> 'A';
            case 'h', 'x' -> last ? 0 : 'H';
            case 'c' -> next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K';
            case 's', 'z' -> c == 's' ? 'S' : 'Z';
            case 'k', 'q', 'g' -> 'K';
            case 'd', 't' -> 'T';
            case 'b', 'p' -> 'B';
            case 'j' -> 'J';
            case 'f' -> 'F';
            case 'l', 'm', 'n', 'r' -> Character.toUpperCase(c);
            default -> 0;
        };
    }

    private static String lettersOf(String word) {
        StringBuilder letters = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}

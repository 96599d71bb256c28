package org.passerelle.people.matching;

/**
 * A coarser key than {@link PhoneticKey}, for finding a name under the spellings that field workers
 * meet but the phonetic key keeps apart; it only finds candidates, which the engine then compares.
 * It merges the classes of consonants that romanisations of one Arabic letter fall into:
 *
 * <ul>
 *   <li>g, gh, j, dj, and di or dy before a vowel → J: the Egyptian g for j ("Nagati", "Najati";
 *       "Mahgoub", "Mahjub"), gh for g ("Ghazwan", "Gaswan") and di for j ("Diallo", "Djallo",
 *       "Jallo");
 *   <li>s, z, c before e/i/y, ts, tz, th, dh → S: th for s ("Thabit", "Sabit"), dh for z ("Nadhir",
 *       "Nazir");
 *   <li>b, p, f, ph, v → F ("Khalvan", "Khalfan");
 *   <li>sh, ch, sch, tch → X; k, q, c (other), ck → K; kh, x, h → H; d, t → T;
 *   <li>vowels and y, w are dropped, at the start too, so that an initial vowel ("Eyad", "Ayad";
 *       "Orwa", "Urwah") or an article glued to a sun letter ("Echebbi", "Chebbi") leaves no trace;
 *   <li>h is dropped at the end and after a digraph in h, and a letter repeated counts once
 *       ("Mashhour", "Mashur").
 * </ul>
 */
public final class VariantKey {

    private VariantKey() {}

    /** The key of one word; non-letters are ignored. */
    public static String of(String word) {
        String s = lettersOf(word);
        StringBuilder key = new StringBuilder(s.length());
        char previous = 0;
        boolean afterDigraphH = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            char afterNext = i + 2 < s.length() ? s.charAt(i + 2) : 0;
            int consumed = c == 'd' && PhoneticKey.dy(s, i) ? 2 : digraphLength(c, next, afterNext);
            char code = consumed > 1 ? digraph(c, next) : single(c, next, i == s.length() - 1, afterDigraphH);
            if (code == 'A') {
                previous = 0;
            } else if (code != 0 && code != previous) {
                key.append(code);
                previous = code;
            }
            afterDigraphH = consumed == 2 && next == 'h';
            i += consumed;
        }
        return key.toString();
    }

    /** How many letters the sound at {@code c} takes: 3 for sch and tch, 2 for a digraph, else 1. */
    private static int digraphLength(char c, char next, char afterNext) {
        if ((c == 's' || c == 't') && next == 'c' && afterNext == 'h') {
            return 3;
        }
        boolean h = next == 'h' && (c == 's' || c == 'c' || c == 'k' || c == 'g' || c == 't' || c == 'd' || c == 'p');
        boolean other =
                (c == 't' && (next == 's' || next == 'z')) || (c == 'c' && next == 'k') || (c == 'd' && next == 'j');
        return h || other ? 2 : 1;
    }

    private static char digraph(char c, char next) {
        if (next == 'c' || (next == 'h' && (c == 's' || c == 'c'))) {
            return 'X';
        }
        return switch (c) {
            case 'k' -> next == 'h' ? 'H' : 'K';
            case 'g' -> 'J';
            case 'd' -> next == 'h' ? 'S' : 'J';
            case 't' -> 'S';
            case 'p' -> 'F';
            default -> 'K';
        };
    }

    private static char single(char c, char next, boolean last, boolean afterDigraphH) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> 'A';
            case 'h' -> last || afterDigraphH ? 0 : 'H';
            case 'x' -> 'H';
            case 'c' -> next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K';
            case 's', 'z' -> 'S';
            case 'k', 'q' -> 'K';
            case 'g', 'j' -> 'J';
            case 'd', 't' -> 'T';
            case 'b', 'p', 'f', 'v' -> 'F';
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

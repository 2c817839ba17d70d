package io.okpay.kyc.control;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Compares a person's legal name with a screening list entry. Both are normalised first: compatibility forms folded
 * (full-width letters), accents dropped, case and punctuation ignored, words sorted (so "Li Wei" and "WEI, Li" are the
 * same name). Equal normalised names are an exact match; otherwise the Jaro-Winkler similarity of the normalised names
 * (Apache Commons Text) is compared with the threshold from configuration.
 */
public final class NameMatch {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** How the names matched: exactly, or fuzzily with this similarity (0-100). */
    public record Result(boolean exact, int score) {
    }

    private NameMatch() {
    }

    public static String normalise(String name) {
        return Arrays.stream(fold(name).split(" ")).filter(w -> !w.isEmpty()).sorted().collect(Collectors.joining(" "));
    }

    /** Compatibility forms folded, accents dropped, lower case, anything but letters and digits one space. */
    private static String fold(String name) {
        return Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    /** A match of the two names at this threshold (0 to 1), or null when they do not match. */
    public static Result match(String name, String listed, double threshold) {
        String a = normalise(name);
        String b = normalise(listed);
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        if (a.equals(b)) {
            return new Result(true, 100);
        }
        // In the written order without spaces too: "Wang Xiaoming" against "Wang Xiao Ming", or CJK names written with
        // and without a space (sorting the words would tear such names apart).
        double similarity = Math.max(JARO_WINKLER.apply(a, b),
                JARO_WINKLER.apply(fold(name).replace(" ", ""), fold(listed).replace(" ", "")));
        return similarity >= threshold ? new Result(false, (int) Math.floor(similarity * 100)) : null;
    }
}

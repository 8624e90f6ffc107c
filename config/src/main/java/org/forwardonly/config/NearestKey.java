package org.forwardonly.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?": the known name nearest to a misspelt one, by edit distance (insertions,
 * deletions, substitutions; case ignored), when it is near enough to be a typo.
 */
public final class NearestKey {
    private NearestKey() {}

    /**
     * The known name nearest to {@code unknown}, if at most max(2, length/3) edits away
     * (a case-only difference always counts); a dotted known name whose last part is
     * {@code unknown} wins outright.
     */
    public static Optional<String> of(String unknown, Collection<String> known) {
        String u = unknown.toLowerCase(Locale.ROOT);
        // a nested key given without its object: etaWm for mirroring.etaWm
        for (String k : known) {
            if (k.toLowerCase(Locale.ROOT).endsWith("." + u)) return Optional.of(k);
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(u, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, unknown.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or "" when nothing is near. */
    public static String hint(String unknown, Collection<String> known) {
        return of(unknown, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package dev.storyreel.catalogue;

import java.util.Locale;
import java.util.Optional;

/** Film ids: sanitised to {@code [a-z0-9._-]} so that an id can never name a path outside the output root. */
public final class FilmId {
    private static final int MAX_LENGTH = 96;

    private FilmId() {
    }

    /**
     * Lower-cases the text, turns every run of other characters into '-', and trims leading and
     * trailing '.', '-' and '_' (so "." and ".." cannot survive). An id longer than 96 characters keeps
     * a prefix and ends with a hash of the whole, so long ids never collide by truncation. Empty when
     * nothing is left.
     */
    public static Optional<String> sanitise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        s = s.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
        if (s.length() > MAX_LENGTH) {
            // Two long ids that share a prefix must stay apart: keep a prefix and add a hash of the whole.
            String hash = String.format(java.util.Locale.ROOT, "%016x", dev.storyreel.shot.StableHash.of(s));
            s = s.substring(0, MAX_LENGTH - hash.length() - 1).replaceAll("[._-]+$", "") + "-" + hash;
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The stem of a file name: what precedes the last '.', after the last '/'. */
    public static String stem(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

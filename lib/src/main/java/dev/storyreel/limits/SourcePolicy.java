package dev.storyreel.limits;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a catalogue's sources may be read from: files inside the catalogue's folder tree, plus the
 * roots (absolute folders or URI prefixes such as {@code s3a://bucket/scripts/}) and URI schemes that
 * {@code conf/limits.yaml} allows. Anything else (an absolute path, {@code ..} leaving the folder, an
 * {@code http(s)://} address, a symlink leading out) is refused before a byte is read.
 *
 * @param roots   absolute folders or URI prefixes sources may also name
 * @param schemes URI schemes (lower case) whose sources are allowed anywhere
 */
public record SourcePolicy(List<String> roots, List<String> schemes) implements Serializable {
    /** Sources confined to the catalogue's folder tree. */
    public static final SourcePolicy CONFINED = new SourcePolicy(List.of(), List.of());
    private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    public SourcePolicy {
        roots = List.copyOf(roots);
        schemes = schemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Why the catalogue may not name {@code source}, judged on its text alone, or empty when it may
     * (a relative path that stays inside the catalogue's folder, or one the conf allows).
     */
    public Optional<String> refusal(String source) {
        if (CONTROL.matcher(source).find()) {
            return Optional.of("the source contains control characters");
        }
        var scheme = URI_SCHEME.matcher(source);
        if (scheme.find() && scheme.group(1).length() > 1) {
            String s = scheme.group(1).toLowerCase(Locale.ROOT);
            if (schemes.contains(s) || underRoot(source)) {
                return Optional.empty();
            }
            return Optional.of(s.startsWith("http") ? "the source is a web address (" + s + "://): sources are never fetched"
                    + " unless conf/limits.yaml allows the scheme under sources.schemes"
                    : "the source names a '" + s + ":' location outside the catalogue's folder"
                    + " (allow it in conf/limits.yaml under sources.schemes or sources.roots)");
        }
        if (source.startsWith("/") || source.startsWith("\\") || source.startsWith("~")) {
            if (!source.contains("..") && underRoot(source)) {
                return Optional.empty();
            }
            return Optional.of("the source is an absolute path: sources must lie inside the catalogue's folder"
                    + " (or under a root allowed in conf/limits.yaml, sources.roots)");
        }
        if (leavesFolder(source)) {
            return Optional.of("the source leaves the catalogue's folder ('..')");
        }
        return Optional.empty();
    }

    /**
     * For a local file already allowed by {@link #refusal}: why it may not be read once links are
     * followed (a symlink leading out of {@code folder} and every allowed root, a folder, a missing file),
     * or empty when it may.
     */
    public Optional<String> refusalOnDisk(Path folder, Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return Optional.of("screenplay not found");
        }
        if (Files.isDirectory(real)) {
            return Optional.of("the source is a folder, not a screenplay file");
        }
        if (!Files.isRegularFile(real)) {
            return Optional.of("the source is not a regular file");
        }
        if (inside(real, folder)) {
            return Optional.empty();
        }
        for (String r : roots) {
            if (r.startsWith("/") && inside(real, Path.of(r))) {
                return Optional.empty();
            }
        }
        return Optional.of("the source is a link leading outside the catalogue's folder");
    }

    private static boolean inside(Path real, Path folder) {
        try {
            return real.startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private boolean underRoot(String source) {
        for (String r : roots) {
            String prefix = r.endsWith("/") ? r : r + "/";
            if (source.startsWith(prefix) && !leavesFolder(source.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a relative path climbs above its starting folder. */
    static boolean leavesFolder(String relative) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : relative.split("[/\\\\]+")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return true;
                }
                parts.pop();
            } else {
                parts.push(p);
            }
        }
        return false;
    }
}

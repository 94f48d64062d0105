package dev.storyreel.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a key from a credentials file or an environment variable, so that it never has to be on a command
 * line. A credentials file holds the key alone, or a line {@code NAME=key}; {@code #} lines are comments.
 */
public final class Credentials {

    private Credentials() {
    }

    /** The key: from {@code file} when given, else the environment variable {@code name}, else "". */
    public static String key(String file, String name) {
        if (file != null && !file.isBlank()) {
            try {
                for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    int eq = l.indexOf('=');
                    return eq > 0 && l.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")
                            ? l.substring(eq + 1).strip() : l;
                }
                throw new IllegalArgumentException("the credentials file " + file + " holds no key");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the credentials file " + file + ": " + e.getClass().getSimpleName());
            }
        }
        String v = System.getenv(name);
        return v == null ? "" : v.strip();
    }
}

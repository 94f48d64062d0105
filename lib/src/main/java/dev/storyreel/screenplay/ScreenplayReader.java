package dev.storyreel.screenplay;

import java.util.Locale;

/** Reads a screenplay file in any supported format, choosing the parser by file extension. */
public final class ScreenplayReader {

    private ScreenplayReader() {
    }

    /** Whether {@link #read} knows the file's extension: .fountain, .spmd, .txt or .fdx (any case). */
    public static boolean supports(String sourceName) {
        return format(sourceName) != null;
    }

    /**
     * Parses the file: {@code .fountain}, {@code .spmd} and {@code .txt} as Fountain (UTF-8),
     * {@code .fdx} as Final Draft.
     *
     * @param sourceName    the file name (its extension picks the parser), used in messages
     * @param stripEmphasis see {@link ParseOptions#stripEmphasis()}
     * @throws ScreenplayException for an unsupported extension (line 1) or whatever the parser reports
     */
    public static Screenplay read(String sourceName, byte[] bytes, boolean stripEmphasis) throws ScreenplayException {
        ParseOptions options = new ParseOptions(stripEmphasis);
        String format = format(sourceName);
        if (format == null) {
            throw new ScreenplayException(sourceName, 1,
                    "unsupported screenplay format: expected a .fountain, .spmd, .txt or .fdx file");
        }
        return format.equals("fdx")
                ? new FdxParser(options).parse(sourceName, bytes)
                : new FountainParser(options).parse(sourceName, bytes);
    }

    private static String format(String sourceName) {
        String name = sourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".fdx")) {
            return "fdx";
        }
        return name.endsWith(".fountain") || name.endsWith(".spmd") || name.endsWith(".txt") ? "fountain" : null;
    }
}

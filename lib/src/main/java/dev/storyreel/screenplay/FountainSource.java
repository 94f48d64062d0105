package dev.storyreel.screenplay;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fountain source text made ready for classification: decoded as strict UTF-8, CRLF/CR turned
 * into LF, boneyard ({@code /* *}{@code /}) and notes ({@code [[ ]]}) removed, tabs expanded to
 * four spaces, and cut into logical lines that remember the source line they start on.
 *
 * <p>Boneyard and notes are removed as text, so a multi-line one joins the text before its
 * opening marker and the text after its closing marker into one logical line. A line left
 * whitespace-only by removing notes alone disappears (the spec lets notes sit "between lines"
 * without breaking a paragraph); one emptied by boneyard becomes a blank line, as if the
 * ignored text had never been typed.
 */
final class FountainSource {

    /**
     * One logical line.
     *
     * @param text   its text, tabs expanded, no line terminator
     * @param number the 1-based source line it starts on
     * @param blank  true when it separates elements: empty or whitespace-only, except a line of
     *               two or more spaces, which the spec uses for an empty line inside an element
     */
    record Line(String text, int number, boolean blank) {
    }

    private FountainSource() {
    }

    /** Decodes strict UTF-8 (a leading byte-order mark is dropped); names the line of a bad byte. */
    static String decode(String sourceName, byte[] bytes) throws ScreenplayException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new ScreenplayException(sourceName, lineOfByte(bytes, offset), String.format(
                    "not valid UTF-8: byte 0x%02X at offset %d cannot start or continue a character",
                    bytes[offset] & 0xFF, offset));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Cuts the text into logical lines; fails on a boneyard or note that is never closed. */
    static List<Line> lines(String sourceName, String text) throws ScreenplayException {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        List<Line> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lineNo = 1;
        int currentStart = 1;
        boolean currentHadNote = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                addLine(lines, current.toString(), currentStart, currentHadNote);
                current.setLength(0);
                lineNo++;
                currentStart = lineNo;
                currentHadNote = false;
                i++;
            } else if (s.startsWith("/*", i) || s.startsWith("[[", i)) {
                boolean boneyard = c == '/';
                String close = boneyard ? "*/" : "]]";
                int end = s.indexOf(close, i + 2);
                if (end < 0) {
                    throw new ScreenplayException(sourceName, lineNo, boneyard
                            ? "unterminated boneyard: '/*' opened here is never closed by '*/'"
                            : "unterminated note: '[[' opened here is never closed by ']]'");
                }
                lineNo += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                currentHadNote |= !boneyard;
                i = end + 2;
            } else {
                current.append(c);
                i++;
            }
        }
        if (!current.isEmpty() || currentHadNote) {
            addLine(lines, current.toString(), currentStart, currentHadNote);
        }
        return lines;
    }

    private static void addLine(List<Line> lines, String raw, int number, boolean hadNote) {
        if (hadNote && raw.isBlank()) {
            return;
        }
        boolean deliberateEmpty = raw.length() >= 2 && raw.chars().allMatch(ch -> ch == ' ');
        lines.add(new Line(raw.replace("\t", "    "), number, raw.isBlank() && !deliberateEmpty));
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}

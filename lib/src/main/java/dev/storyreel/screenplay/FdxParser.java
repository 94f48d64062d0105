package dev.storyreel.screenplay;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Final Draft {@code .fdx} screenplays with StAX.
 *
 * <p>Body: each {@code /FinalDraft/Content/Paragraph} (and each paragraph inside a
 * {@code DualDialogue} wrapper there, marked dual) becomes one element, by its {@code Type}:
 * Scene Heading and Shot → scene heading (number from {@code @Number}), Character (extensions
 * taken from the text, as in Fountain), Dialogue, Parenthetical, Transition, Lyrics; anything else
 * (Action, General, Cast List, ...) → action, centered when {@code Alignment="Center"}. The text
 * is the paragraph's own {@code Text} runs concatenated; Bold/Italic/Underline styles become
 * Fountain emphasis markup unless emphasis is stripped (literal {@code *} and {@code _} are then
 * escaped). Paragraphs without text are skipped; {@code StartsNewPage="Yes"} gives a page break.
 * Nested paragraphs elsewhere (scene properties, headers) are ignored.
 *
 * <p>Title page: {@code /FinalDraft/TitlePage/Content/Paragraph}s carry no labels, so they are
 * read best-effort: the centered ones give title, credit ("Written by", "by", ...) and author,
 * with any further centered text as source; left-aligned ones give copyright (when they start
 * with "Copyright" or ©) or contact; right-aligned ones give draft date.
 *
 * <p>Safety: the JDK's own StAX implementation is used with DTD support and external entities
 * off and a resolver that refuses everything; a document with a DOCTYPE is rejected as soon as it
 * is seen, before anything it declares is used, so nothing is read from disk or network and no
 * entity is expanded.
 */
public final class FdxParser {

    private static final List<String> BODY_PARAGRAPH = List.of("FinalDraft", "Content", "Paragraph");
    private static final List<String> DUAL_PARAGRAPH =
            List.of("FinalDraft", "Content", "Paragraph", "DualDialogue", "Paragraph");
    private static final List<String> TITLE_PARAGRAPH = List.of("FinalDraft", "TitlePage", "Content", "Paragraph");
    private static final Pattern CREDIT = Pattern.compile(
            "(?i)((original )?(screenplay|story|teleplay|written|created|adapted)( and \\w+)? by|by)");
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)(copyright|©|\\(c\\)).*", Pattern.DOTALL);

    private final ParseOptions options;

    /** A parser with the given options. */
    public FdxParser(ParseOptions options) {
        this.options = options;
    }

    /** One {@code Text} run: its characters and its {@code Style} attribute (may be null). */
    private record Run(String text, String style) {
        Set<String> emphasis() {
            return style == null ? Set.of() : Arrays.stream(style.split("\\+"))
                    .filter(s -> s.equals("Bold") || s.equals("Italic") || s.equals("Underline"))
                    .collect(Collectors.toSet());
        }
    }

    /** A paragraph being read. */
    private static final class Paragraph {
        final String type;
        final String number;
        final String alignment;
        final boolean startsNewPage;
        final boolean dual;
        final int line;
        final int depth;
        final List<Run> runs = new ArrayList<>();

        Paragraph(XMLStreamReader r, boolean dual, int depth) {
            this.type = r.getAttributeValue(null, "Type");
            this.number = r.getAttributeValue(null, "Number");
            this.alignment = r.getAttributeValue(null, "Alignment");
            this.startsNewPage = "Yes".equalsIgnoreCase(r.getAttributeValue(null, "StartsNewPage"));
            this.dual = dual;
            this.line = r.getLocation().getLineNumber();
            this.depth = depth;
        }
    }

    /**
     * Parses an {@code .fdx} file's bytes (XML in the encoding it declares).
     *
     * @throws ScreenplayException for a DOCTYPE, malformed XML, a root other than
     *                             {@code FinalDraft}, or no body paragraph with text, naming the line
     */
    public Screenplay parse(String sourceName, byte[] bytes) throws ScreenplayException {
        List<Element> elements = new ArrayList<>();
        List<Paragraph> titleParagraphs = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = newFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            List<String> path = new ArrayList<>();
            Deque<Paragraph> open = new ArrayDeque<>();
            StringBuilder run = null;
            String runStyle = null;
            int runDepth = -1;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD -> throw new ScreenplayException(sourceName, r.getLocation().getLineNumber(),
                            "DOCTYPE declarations are not allowed in .fdx files (a DTD can read other files or "
                                    + "expand entities without limit); the document was rejected unread");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ScreenplayException(sourceName,
                            r.getLocation().getLineNumber(), "entity reference &" + r.getLocalName() + "; is not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (path.isEmpty() && !name.equals("FinalDraft")) {
                            throw new ScreenplayException(sourceName, r.getLocation().getLineNumber(),
                                    "not a Final Draft document: the root element is <" + name + ">, not <FinalDraft>");
                        }
                        path.add(name);
                        if (path.equals(BODY_PARAGRAPH) || path.equals(DUAL_PARAGRAPH) || path.equals(TITLE_PARAGRAPH)) {
                            open.push(new Paragraph(r, path.equals(DUAL_PARAGRAPH), path.size()));
                        } else if (name.equals("Text") && run == null && !open.isEmpty()
                                && open.peek().depth == path.size() - 1) {
                            run = new StringBuilder();
                            runStyle = r.getAttributeValue(null, "Style");
                            runDepth = path.size();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (run != null) {
                            run.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (run != null && runDepth == path.size()) {
                            open.peek().runs.add(new Run(run.toString(), runStyle));
                            run = null;
                        } else if (!open.isEmpty() && open.peek().depth == path.size()) {
                            Paragraph p = open.pop();
                            if (path.get(1).equals("TitlePage")) {
                                titleParagraphs.add(p);
                            } else {
                                addBodyElement(elements, p);
                            }
                        }
                        path.remove(path.size() - 1);
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null && e.getLocation().getLineNumber() > 0
                    ? e.getLocation().getLineNumber() : 1;
            throw new ScreenplayException(sourceName, line, "malformed XML: " + xmlReason(e));
        } catch (java.util.MissingResourceException e) {
            // The JDK's StAX reader, reporting some malformed DTDs, looks up a message key its bundle lacks
            // ("InvalidCharInDTD") and throws this instead of an XMLStreamException (found by the FDX fuzzer).
            int line = r != null && r.getLocation() != null && r.getLocation().getLineNumber() > 0
                    ? r.getLocation().getLineNumber() : 1;
            throw new ScreenplayException(sourceName, line, "malformed XML: " + e.getKey());
        } finally {
            close(r);
        }
        if (elements.isEmpty()) {
            throw new ScreenplayException(sourceName, 1,
                    "no screenplay elements: /FinalDraft/Content has no paragraph with text");
        }
        return new Screenplay(sourceName, titlePage(titleParagraphs), elements);
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refused to resolve external resource " + systemId);
        });
        return factory;
    }

    private void addBodyElement(List<Element> elements, Paragraph p) {
        String text = text(p.runs);
        if (text.isBlank()) {
            return;
        }
        if (p.startsNewPage && !elements.isEmpty()) {
            elements.add(Element.of(ElementType.PAGE_BREAK, "", p.line));
        }
        String type = p.type == null ? "General" : p.type;
        Element e = switch (type) {
            case "Scene Heading", "Shot" -> new Element(ElementType.SCENE_HEADING, text, p.line,
                    p.number == null || p.number.isBlank() ? null : p.number.strip(), List.of(), false, false, 0);
            case "Character" -> {
                CharacterCue cue = CharacterCue.parse(text, true);
                yield cue == null ? Element.of(ElementType.CHARACTER, text, p.line)
                        : new Element(ElementType.CHARACTER, cue.name(), p.line, null, cue.extensions(), cue.dual(), false, 0);
            }
            case "Dialogue" -> Element.of(ElementType.DIALOGUE, text, p.line);
            case "Parenthetical" -> Element.of(ElementType.PARENTHETICAL, text, p.line);
            case "Transition" -> Element.of(ElementType.TRANSITION, text, p.line);
            case "Lyrics" -> Element.of(ElementType.LYRICS, text, p.line);
            default -> new Element(ElementType.ACTION, text, p.line, null, List.of(), false,
                    "Center".equalsIgnoreCase(p.alignment), 0);
        };
        elements.add(p.dual ? e.asDual() : e);
    }

    /** The runs' text, trimmed; with emphasis markup from their styles unless stripping. */
    private String text(List<Run> runs) {
        if (options.stripEmphasis()) {
            return runs.stream().map(Run::text).collect(Collectors.joining()).strip();
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < runs.size()) {
            Set<String> emphasis = runs.get(i).emphasis();
            StringBuilder same = new StringBuilder();
            for (; i < runs.size() && runs.get(i).emphasis().equals(emphasis); i++) {
                same.append(runs.get(i).text());
            }
            out.append(markUp(Emphasis.escape(same.toString()), emphasis));
        }
        return out.toString().strip();
    }

    /** Wraps each line's non-blank core in markup (emphasis never spans lines in Fountain). */
    private static String markUp(String text, Set<String> emphasis) {
        if (emphasis.isEmpty()) {
            return text;
        }
        boolean bold = emphasis.contains("Bold");
        boolean italic = emphasis.contains("Italic");
        String stars = bold && italic ? "***" : bold ? "**" : italic ? "*" : "";
        String open = (emphasis.contains("Underline") ? "_" : "") + stars;
        String close = new StringBuilder(open).reverse().toString();
        return Arrays.stream(text.split("\n", -1)).map(line -> {
            String core = line.strip();
            if (core.isEmpty()) {
                return line;
            }
            int start = line.indexOf(core);
            return line.substring(0, start) + open + core + close + line.substring(start + core.length());
        }).collect(Collectors.joining("\n"));
    }

    private Map<String, String> titlePage(List<Paragraph> paragraphs) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> centered = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            String text = text(p.runs);
            if (text.isBlank()) {
                continue;
            }
            String alignment = p.alignment == null ? "Left" : p.alignment;
            if (alignment.equalsIgnoreCase("Center")) {
                centered.add(text);
            } else if (alignment.equalsIgnoreCase("Right")) {
                out.merge("draft date", text, (a, b) -> a + "\n" + b);
            } else {
                String key = COPYRIGHT.matcher(Emphasis.strip(text)).matches() ? "copyright" : "contact";
                out.merge(key, text, (a, b) -> a + "\n" + b);
            }
        }
        int i = 0;
        if (i < centered.size()) {
            out.put("title", centered.get(i++));
        }
        if (i < centered.size() && CREDIT.matcher(Emphasis.strip(centered.get(i)).strip()).matches()) {
            out.put("credit", centered.get(i++));
        }
        if (i < centered.size()) {
            out.put("author", centered.get(i++));
        }
        if (i < centered.size()) {
            out.put("source", String.join("\n", centered.subList(i, centered.size())));
        }
        return out;
    }

    /** The parser's message without the JDK's "ParseError at [row,col]" preamble. */
    private static String xmlReason(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String reason = (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
        return reason.isEmpty() ? "unreadable XML" : reason;
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a byte array releases nothing that could fail
            }
        }
    }
}

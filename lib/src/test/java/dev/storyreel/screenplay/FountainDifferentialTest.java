package dev.storyreel.screenplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: our Fountain parser against two independent ones from npm, {@code fountain-js}
 * 1.2.4 and afterwriting 1.17.3's {@code aw-parser}, on the sample screenplays and on generated
 * ones ({@link ScreenplayGenerator}). Scene headings, character cues, parentheticals, dialogue and
 * transitions must agree in order and text; a difference is either fixed in our parser or one of
 * the {@link HouseRule}s below, each with its reason.
 *
 * <p>{@code submit-scripts/test.sh} installs Node's packages into {@code .tools/node} (pinned by
 * {@code lib/src/test/node/package-lock.json}); without them this test fails, it never skips.
 */
class FountainDifferentialTest {

    /** Generated screenplays, seeds 1..N. */
    static final int GENERATED = 150;

    private static final Map<String, String> VERSIONS = Map.of("fountain-js", "1.2.4", "afterwriting", "1.17.3");
    private static final FountainParser PARSER = new FountainParser(ParseOptions.KEEP_EMPHASIS);

    /** Where another parser reads the same text differently from us on purpose, and why. */
    enum HouseRule {
        /**
         * aw-parser upper-cases scene headings and transitions (it prepares text for print); we keep
         * them as written, as fountain-js does. Our side is upper-cased for afterwriting.
         */
        UPPER_CASED_HEADINGS_AND_TRANSITIONS("afterwriting", false, each(
                e -> e.startsWith("HEADING:") || e.startsWith("TRANSITION:") ? e.toUpperCase(Locale.ROOT) : e)),
        /**
         * aw-parser reads a lyric line ({@code ~}) inside a speech as a dialogue line in italics
         * ({@code *line*}); we make it a lyrics element, as the spec and fountain-js do. Our lyrics
         * inside a speech are folded into its dialogue that way for afterwriting.
         */
        LYRICS_AS_ITALIC_DIALOGUE("afterwriting", false, FountainDifferentialTest::lyricsAsItalicDialogue),
        /**
         * fountain-js tries its "ends in TO:" transition rule before the forced {@code >} one, so a
         * forced {@code > CUT TO:} keeps {@code "> "} in its text; the spec's {@code >} is syntax, not
         * text. The mark is taken off fountain-js's side.
         */
        FORCED_TRANSITION_KEEPS_MARK("fountain-js", true, each(
                e -> e.startsWith("TRANSITION:>") ? "TRANSITION:" + e.substring("TRANSITION:>".length()).strip() : e)),
        /**
         * fountain-js refuses a cue ending in {@code OUT.} or {@code BLACK.} (so that {@code FADE OUT.}
         * can be a transition) and reads such a block as action; the spec makes any upper-case line
         * with a line under it a cue. Such cues and their speech are left out of our side.
         */
        NO_CUE_ENDING_LIKE_FADE_OUT("fountain-js", false, FountainDifferentialTest::withoutFadeOutCues),
        /** Our lyrics events exist only for {@link #LYRICS_AS_ITALIC_DIALOGUE}; fountain-js's lyrics are not compared. */
        LYRICS_NOT_COMPARED("fountain-js", false, events -> events.stream().filter(e -> !e.startsWith("LYRICS:")).toList());

        final String oracle;
        final boolean theirSide;
        final UnaryOperator<List<String>> normalise;

        HouseRule(String oracle, boolean theirSide, UnaryOperator<List<String>> normalise) {
            this.oracle = oracle;
            this.theirSide = theirSide;
            this.normalise = normalise;
        }

        private static UnaryOperator<List<String>> each(UnaryOperator<String> f) {
            return events -> events.stream().map(f).toList();
        }
    }

    private static List<String> lyricsAsItalicDialogue(List<String> events) {
        List<String> out = new ArrayList<>();
        String previous = "";
        for (String e : events) {
            String folded = e.startsWith("LYRICS:")
                    ? "DIALOGUE:" + e.substring("LYRICS:".length()).lines().map(l -> "*" + l + "*")
                            .reduce((a, b) -> a + "\n" + b).orElse("")
                    : e;
            if (folded.startsWith("DIALOGUE:") && previous.startsWith("DIALOGUE:")) {
                String joined = out.remove(out.size() - 1) + "\n" + folded.substring("DIALOGUE:".length());
                out.add(joined);
                previous = joined;
            } else {
                out.add(folded);
                previous = folded;
            }
        }
        return out;
    }

    private static List<String> withoutFadeOutCues(List<String> events) {
        List<String> out = new ArrayList<>();
        boolean dropping = false;
        for (String e : events) {
            if (e.startsWith("CUE:")) {
                String name = e.replaceFirst(" \\^$", "");
                dropping = name.endsWith("OUT.") || name.endsWith("BLACK.");
            } else if (!(e.startsWith("DIALOGUE:") || e.startsWith("PAREN:") || e.startsWith("LYRICS:"))) {
                dropping = false;
            }
            if (!dropping) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void ourParserAgreesWithFountainJsAndAfterwriting(@TempDir Path tmp) throws Exception {
        Path root = projectRoot();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> samples = Files.list(root.resolve("samples"))) {
            samples.filter(p -> p.toString().endsWith(".fountain")).sorted().forEach(files::add);
        }
        int sampleCount = files.size();
        assertTrue(sampleCount >= 4, "expected the sample screenplays in " + root.resolve("samples"));
        for (int seed = 1; seed <= GENERATED; seed++) {
            Path file = tmp.resolve("generated-" + seed + ".fountain");
            Files.writeString(file, ScreenplayGenerator.screenplay(seed), StandardCharsets.UTF_8);
            files.add(file);
        }
        JsonNode oracles = runOracles(root, files);
        for (var version : VERSIONS.entrySet()) {
            assertEquals(version.getValue(), oracles.path("versions").path(version.getKey()).asText(),
                    version.getKey() + " version in " + root.resolve(".tools/node"));
        }
        List<String> disagreements = new ArrayList<>();
        Set<HouseRule> used = EnumSet.noneOf(HouseRule.class);
        int compared = 0;
        for (Path file : files) {
            Screenplay ours = PARSER.parse(file.getFileName().toString(), Files.readAllBytes(file));
            JsonNode theirs = oracles.path("files").path(file.toString());
            for (String oracle : VERSIONS.keySet()) {
                List<String> expected = new ArrayList<>();
                theirs.path(oracle).forEach(n -> expected.add(n.asText()));
                List<String> actual = new ArrayList<>(events(ours));
                for (HouseRule rule : HouseRule.values()) {
                    if (rule.oracle.equals(oracle)) {
                        List<String> side = rule.theirSide ? expected : actual;
                        List<String> normalised = rule.normalise.apply(List.copyOf(side));
                        if (!normalised.equals(side)) {
                            used.add(rule);
                            side.clear();
                            side.addAll(normalised);
                        }
                    }
                }
                if (!expected.equals(actual)) {
                    disagreements.add(oracle + " on " + file.getFileName() + ": " + firstDifference(expected, actual));
                }
                compared++;
            }
        }
        assertTrue(disagreements.isEmpty(), disagreements.size() + " disagreements:\n"
                + String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))));
        assertEquals(EnumSet.allOf(HouseRule.class), used, "a house rule no screenplay needs is stale");
        SuiteSummary.write("differential", "differential suite (fountain-js " + VERSIONS.get("fountain-js")
                + ", afterwriting " + VERSIONS.get("afterwriting") + "): ran " + files.size() + " screenplays ("
                + sampleCount + " samples, " + GENERATED + " generated), " + compared + " comparisons");
    }

    /** Where two event lists part, with a little context. */
    private static String firstDifference(List<String> theirs, List<String> ours) {
        int i = 0;
        while (i < theirs.size() && i < ours.size() && theirs.get(i).equals(ours.get(i))) {
            i++;
        }
        return "event " + i + " (after " + (i == 0 ? "the start" : quote(ours.get(i - 1))) + "): theirs "
                + (i < theirs.size() ? quote(theirs.get(i)) : "(end)") + ", ours " + (i < ours.size() ? quote(ours.get(i)) : "(end)");
    }

    private static String quote(String event) {
        return "«" + event.replace("\n", "⏎") + "»";
    }

    /**
     * Our elements in the oracle script's vocabulary ({@code lib/src/test/node/fountain-oracles.js}),
     * plus {@code LYRICS:} for lyrics inside a speech (see {@link HouseRule#LYRICS_AS_ITALIC_DIALOGUE}).
     */
    static List<String> events(Screenplay s) {
        List<String> out = new ArrayList<>();
        boolean inSpeech = false;
        for (Element e : s.elements()) {
            switch (e.type()) {
                case SCENE_HEADING -> out.add("HEADING:" + e.text() + (e.sceneNumber() == null ? "" : " #" + e.sceneNumber() + "#"));
                case CHARACTER -> out.add("CUE:" + e.text() + e.extensions().stream().map(x -> " (" + x + ")")
                        .reduce("", String::concat) + (e.dual() ? " ^" : ""));
                case PARENTHETICAL -> out.add("PAREN:" + e.text());
                case DIALOGUE -> out.add("DIALOGUE:" + e.text());
                case TRANSITION -> out.add("TRANSITION:" + e.text());
                case LYRICS -> {
                    if (inSpeech) {
                        out.add("LYRICS:" + e.text());
                    }
                }
                default -> {
                }
            }
            inSpeech = switch (e.type()) {
                case CHARACTER, PARENTHETICAL, DIALOGUE -> true;
                case LYRICS -> inSpeech;
                default -> false;
            };
        }
        return out;
    }

    /** Runs the oracle script once over every file and returns its JSON. */
    private static JsonNode runOracles(Path root, List<Path> files) throws IOException, InterruptedException {
        Path modules = root.resolve(".tools/node/node_modules");
        for (String pkg : List.of("fountain-js", "afterwriting", "aw-parser")) {
            if (!Files.isRegularFile(modules.resolve(pkg).resolve("package.json"))) {
                fail("npm package " + pkg + " missing in " + modules + ": submit-scripts/test.sh installs it"
                        + " (or: submit-scripts/test.sh --tools-only)");
            }
        }
        List<String> command = new ArrayList<>(List.of("node",
                root.resolve("lib/src/test/node/fountain-oracles.js").toString()));
        files.forEach(f -> command.add(f.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("NODE_PATH", modules.toString());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return fail("cannot run node (the Debian package nodejs; submit-scripts/test.sh installs it): " + e.getMessage());
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, process.exitValue(), "node fountain-oracles.js failed");
        return new ObjectMapper().readTree(out);
    }

    /** The project root: surefire's {@code storyreel.root}, else the parent of the module folder. */
    static Path projectRoot() {
        String property = System.getProperty("storyreel.root");
        Path root = property != null ? Path.of(property) : Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isDirectory(root.resolve("samples")), "no project root at " + root);
        return root;
    }
}

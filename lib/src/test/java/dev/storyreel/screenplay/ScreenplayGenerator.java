package dev.storyreel.screenplay;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes random but well-formed Fountain screenplays for the differential test: a deterministic
 * function of the seed, drawing from small vocabularies written for this project. Every construct
 * the differential test compares (scene headings, cues with extensions and dual dialogue,
 * parentheticals, multi-line speeches, transitions) appears, between action paragraphs.
 */
final class ScreenplayGenerator {

    private static final String[] PREFIXES = {"INT.", "EXT.", "INT./EXT.", "I/E.", "EST.", "int.", "Ext."};
    private static final String[] PLACES = {"SIGNAL BOX", "ORCHARD", "NIGHT BUS", "SALT MARSH", "BOATYARD",
        "OBSERVATORY - DOME", "LAUNDERETTE", "ROOFTOP GARDEN", "TIDAL ISLAND - CAUSEWAY", "PRINT SHOP"};
    private static final String[] TIMES = {"DAY", "NIGHT", "DAWN", "LATER", "CONTINUOUS", "MOMENTS LATER"};
    private static final String[] NAMES = {"ODILE", "BASTIAN", "MRS. KAPOOR", "TEO", "DR. HALVERSEN",
        "WREN", "O'MARA", "JEAN-PAUL", "UNIT 9", "GRANDAD"};
    private static final String[] EXTENSIONS = {"V.O.", "O.S.", "CONT'D", "O.C.", "ON RADIO"};
    private static final String[] ACTIONS = {
        "Rain needles across the window. A kettle begins to sing.",
        "She counts the coins twice, then a third time, lips moving.",
        "The lights of a tanker slide past, far out on the water.",
        "He stands very still, listening to the house settle.",
        "A dog barks somewhere below. Then nothing.",
        "Pages of sheet music lift in the draught and scatter.",
        "The bus shudders to a halt. Nobody gets on.",
        "Frost on the glass. A finger draws a small, lopsided star."};
    private static final String[] LINES = {
        "You said the tide was out.", "It was. It came back.", "Don't touch that switch.",
        "We have until the lamp burns down.", "I kept the key. I always keep the key.",
        "Then we walk.", "Is anyone there?", "Nobody reads the old maps any more.",
        "Put the kettle on, would you?", "That's not how the song goes."};
    private static final String[] PARENTHETICALS = {"(quietly)", "(beat)", "(not looking up)", "(into the phone)",
        "(to Teo)", "(laughing)"};
    private static final String[] ASIDES = {
        "> INTERMISSION <", "===", "# Part two", "= The storm breaks.", "[[check the tide tables]]",
        "/*\nAn abandoned scene:\n\nINT. CELLAR - NIGHT\n\nWREN\nToo dark.\n*/",
        "!SOUND OF A BELL\nFar off, then nearer.", "CLANG!", "THE LAMP GOES OUT.\nDarkness, then a match."};
    private static final String[] TRANSITIONS = {"CUT TO:", "DISSOLVE TO:", "SMASH CUT TO:", "MATCH CUT TO:"};

    private ScreenplayGenerator() {
    }

    /** One screenplay, the same text for the same seed. */
    static String screenplay(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> blocks = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            blocks.add("Title: Generated " + seed + "\nAuthor: storyreel tests");
        }
        int scenes = 1 + r.nextInt(4);
        for (int s = 0; s < scenes; s++) {
            blocks.add(heading(r, s + 1));
            int beats = 2 + r.nextInt(6);
            String lastSpeaker = null;
            for (int b = 0; b < beats; b++) {
                int kind = r.nextInt(10);
                if (kind < 3) {
                    blocks.add(action(r));
                } else if (kind < 4) {
                    blocks.add(pick(r, ASIDES));
                } else if (kind < 9) {
                    String speaker = pick(r, NAMES);
                    boolean dual = lastSpeaker != null && !lastSpeaker.equals(speaker) && r.nextInt(5) == 0;
                    blocks.add(speech(r, speaker, dual));
                    lastSpeaker = dual ? null : speaker;
                    continue;
                } else {
                    blocks.add(pick(r, TRANSITIONS));
                }
                lastSpeaker = null;
            }
            if (s + 1 < scenes && r.nextBoolean()) {
                blocks.add(r.nextInt(4) == 0 ? "> " + pick(r, TRANSITIONS) : pick(r, TRANSITIONS));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String block : blocks) {
            if (!text.isEmpty()) {
                text.append(r.nextInt(6) == 0 ? "\n\n\n" : "\n\n");
            }
            text.append(block);
        }
        return text.append('\n').toString();
    }

    private static String heading(SplittableRandom r, int scene) {
        if (r.nextInt(8) == 0) {
            return "." + pick(r, PLACES);
        }
        String heading = pick(r, PREFIXES) + " " + pick(r, PLACES) + " - " + pick(r, TIMES);
        return r.nextInt(5) == 0 ? heading + " #" + scene + "#" : heading;
    }

    private static String action(SplittableRandom r) {
        String text = pick(r, ACTIONS) + (r.nextBoolean() ? "" : "\n" + pick(r, ACTIONS));
        return switch (r.nextInt(6)) {
            case 0 -> text.replaceFirst("(\\w+)\\.", "*$1*.");
            case 1 -> text.replaceFirst(" (\\w+) ", " **$1** ");
            case 2 -> text.replaceFirst(" (\\w+) ", " _$1_ ");
            case 3 -> text + " [[a note]]";
            default -> text;
        };
    }

    private static String speech(SplittableRandom r, String speaker, boolean dual) {
        StringBuilder b = new StringBuilder();
        b.append(r.nextInt(10) == 0 ? "@" + speaker.charAt(0) + speaker.substring(1).toLowerCase(java.util.Locale.ROOT) : speaker);
        if (r.nextInt(3) == 0) {
            b.append(" (").append(pick(r, EXTENSIONS)).append(')');
        } else if (r.nextInt(10) == 0) {
            b.append(" (CONT\u2019D)");
        }
        if (dual) {
            b.append(" ^");
        }
        if (r.nextInt(4) == 0) {
            b.append('\n').append(pick(r, PARENTHETICALS));
        }
        int lines = 1 + r.nextInt(3);
        for (int i = 0; i < lines; i++) {
            b.append('\n').append(i > 0 && r.nextInt(8) == 0 ? "~" + pick(r, LINES) : pick(r, LINES));
            if (i + 1 < lines && r.nextInt(5) == 0) {
                b.append('\n').append(pick(r, PARENTHETICALS));
            } else if (i + 1 < lines && r.nextInt(8) == 0) {
                b.append("\n  ");
            }
        }
        return b.toString();
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}

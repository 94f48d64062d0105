package dev.storyreel.plan.bench;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.plan.PageCount;
import dev.storyreel.plan.PlanSettings;
import dev.storyreel.plan.ShotPlanner;
import dev.storyreel.render.ProceduralRenderer;
import dev.storyreel.screenplay.ScreenplayReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a catalogue of generated feature-length Fountain screenplays (≥ 90 pages each by
 * {@link PageCount}), deterministic from a seed, for the driver benchmark. Nothing of this is
 * committed: bench/driver-bench.sh writes it into a temporary folder.
 * Usage: FeatureScreenplays DIR FILMS [SEED]  → DIR/catalogue.csv and DIR/feature-NNNNN.fountain.
 */
public final class FeatureScreenplays {
    static final double MIN_PAGES = 90;

    private static final List<String> PLACES = List.of("HARBOUR OFFICE", "NIGHT TRAIN", "ROOFTOP GARDEN",
            "COUNTY LIBRARY", "BORDER CROSSING", "OBSERVATORY", "FISH MARKET", "MOTORWAY CAFE", "SALT FLATS",
            "RADIO STATION", "GREENHOUSE", "ICE RINK", "FERRY DECK", "COURTROOM", "ORCHARD", "SUBWAY PLATFORM");
    private static final List<String> TIMES = List.of("DAY", "NIGHT", "DUSK", "DAWN", "LATER", "CONTINUOUS");
    private static final List<String> NAMES = List.of("ODILE", "RAFE", "NADIA", "TOMAS", "WREN", "IMOGEN", "KASPER",
            "LUZ", "BARNABY", "SELMA", "DEV", "HOLLIS");
    private static final List<String> SUBJECTS = List.of("The lamp", "A dog", "The wind", "Somebody's radio",
            "The kettle", "A delivery van", "The tide", "An old clock", "The last bus", "Rain");
    private static final List<String> VERBS = List.of("rattles against", "drifts past", "hums beside", "stops near",
            "knocks over", "circles", "leans on", "flickers above");
    private static final List<String> OBJECTS = List.of("the window", "a stack of letters", "the bench",
            "the counter", "an unopened parcel", "the map", "a bicycle", "the gate");
    private static final List<String> LINES = List.of("We said we would be done by now.",
            "You kept the key all this time?", "Nobody reads the small print.", "Then we start again, properly.",
            "I counted them twice and there are still nine.", "Tell me what you saw on the stairs.",
            "It was never about the money.", "Leave the light on for her.", "Ask me tomorrow.",
            "The ferry does not wait for anyone, not even you.", "Say it slowly, I want to remember it.");
    private static final List<String> ASIDES = List.of("(quietly)", "(beat)", "(not looking up)", "(laughing)");

    private FeatureScreenplays() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int films = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Files.createDirectories(dir);
        double minPages = Double.MAX_VALUE;
        long shots = 0;
        try (Writer csv = Files.newBufferedWriter(dir.resolve("catalogue.csv"), StandardCharsets.UTF_8)) {
            csv.write("film_id,title,source,style,seed\n");
            for (int i = 0; i < films; i++) {
                String id = String.format(Locale.ROOT, "feature-%05d", i);
                String text = screenplay(seed * 1_000_003L + i, "Feature " + i);
                Files.writeString(dir.resolve(id + ".fountain"), text, StandardCharsets.UTF_8);
                csv.write(id + ",Feature " + i + "," + id + ".fountain,,"  + (i + 1) + "\n");
                if (i < 3) {
                    var screenplay = ScreenplayReader.read(id + ".fountain", text.getBytes(StandardCharsets.UTF_8), true);
                    double pages = PageCount.pages(screenplay);
                    shots = new ShotPlanner(new PlanSettings(640, 360, 24, ProceduralRenderer.INFO))
                            .plan(new CatalogueEntry(id, "Feature " + i, id + ".fountain", "", i + 1, i + 2), screenplay)
                            .shots().size();
                    minPages = Math.min(minPages, pages);
                    if (pages < MIN_PAGES) {
                        throw new IllegalStateException(id + " has only " + pages + " pages");
                    }
                }
            }
        } catch (dev.storyreel.screenplay.ScreenplayException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf(Locale.ROOT, "wrote %d screenplays to %s (first three: >= %.1f pages; the third plans %d shots)%n",
                films, dir, minPages, shots);
    }

    /** One feature: ~120 scenes of action and dialogue, same seed ⇒ same text. */
    static String screenplay(long seed, String title) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder(200_000);
        s.append("Title: ").append(title).append("\nAuthor: storyreel bench generator\n\n");
        int scenes = 160 + r.nextInt(10);
        for (int sc = 0; sc < scenes; sc++) {
            s.append(r.nextBoolean() ? "INT. " : "EXT. ").append(pick(r, PLACES)).append(" - ").append(pick(r, TIMES))
                    .append("\n\n");
            int beats = 6 + r.nextInt(4);
            for (int b = 0; b < beats; b++) {
                if (b % 3 == 0) {
                    s.append(pick(r, SUBJECTS)).append(' ').append(pick(r, VERBS)).append(' ').append(pick(r, OBJECTS))
                            .append(". ").append(pick(r, NAMES).charAt(0)).append(pick(r, NAMES).substring(1).toLowerCase(Locale.ROOT))
                            .append(" watches it for a long moment, then turns away.\n\n");
                } else {
                    s.append(pick(r, NAMES)).append('\n');
                    if (r.nextInt(4) == 0) {
                        s.append(pick(r, ASIDES)).append('\n');
                    }
                    s.append(pick(r, LINES)).append(' ').append(pick(r, LINES)).append("\n\n");
                }
            }
        }
        return s.toString();
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}

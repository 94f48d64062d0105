package dev.storyreel.plan;

import dev.storyreel.shot.Seeds;

import dev.storyreel.shot.ShotSpec;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKey;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.ElementType;
import dev.storyreel.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a screenplay into a shot plan, deterministically: a title card, then per scene an
 * establishing shot, action shots, and dialogue coverage (speaker singles, reverses on the listener,
 * two-shots for dual dialogue). Durations come from the text: dialogue at a speaking rate, action by
 * its length; the result runs at about a minute per screenplay page.
 */
public final class ShotPlanner {
    /** The variant every film has until variants exist. */
    public static final String MAIN_VARIANT = "main";

    static final double TITLE_SECONDS = 4.0;
    static final double ESTABLISHING_SECONDS = 3.0;
    /** Speaking rate: about 150 words a minute. */
    static final double SPEECH_WORDS_PER_SECOND = 2.5;
    /** How fast described action plays on screen, in words of description per second. */
    static final double ACTION_WORDS_PER_SECOND = 3.5;
    static final double MIN_SHOT_SECONDS = 1.5;
    static final double MAX_ACTION_SECONDS = 8.0;
    static final double MAX_DIALOGUE_SECONDS = 7.0;
    /** Time an action shot holds beyond reading its description. */
    static final double ACTION_HOLD_SECONDS = 0.75;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Set<String> OFF_SCREEN = Set.of("V.O.", "VO", "O.S.", "OS", "O.C.", "OC", "PRELAP");

    private final PlanSettings settings;
    private final java.util.Map<String, StylePreset> styles;

    public ShotPlanner(PlanSettings settings) {
        this(settings, java.util.Map.of());
    }

    /** A planner that resolves the film's style name through named presets (prompt lead and palette). */
    public ShotPlanner(PlanSettings settings, java.util.Map<String, StylePreset> styles) {
        this.settings = settings;
        this.styles = java.util.Map.copyOf(styles);
    }

    /** Plans one film. The screenplay should be parsed with emphasis stripped (captions are plain text). */
    public FilmPlan plan(CatalogueEntry film, Screenplay screenplay) {
        String title = firstNonBlank(screenplay.titleEntry("title", ""), film.title(), film.filmId());
        Builder b = new Builder(film, speakers(screenplay));
        String credit = String.join("\n", nonBlank(screenplay.titleEntry("credit", ""), screenplay.titleEntry("author", "")));
        b.add(0, TITLE_SECONDS, ShotKind.TITLE, CameraMove.STATIC, new Setting(Setting.Exposure.EXT, "", ""),
                List.of(), "", oneLine(title), credit);
        planBody(screenplay.elements(), b);
        return new FilmPlan(film.filmId(), MAIN_VARIANT, oneLine(title), screenplay.source(), b.shots);
    }

    private void planBody(List<Element> elements, Builder b) {
        String previousTime = "DAY";
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            switch (e.type()) {
                case SCENE_HEADING -> {
                    Setting s = SceneHeading.parse(e.text(), previousTime);
                    previousTime = s.timeOfDay().isEmpty() ? previousTime : s.timeOfDay();
                    b.startScene(s, e.sceneNumber(), sceneCast(elements, i + 1));
                    b.add(e.line(), ESTABLISHING_SECONDS, ShotKind.ESTABLISHING, CameraRules.establishing(s), s,
                            List.of(), "", "", "");
                }
                case ACTION, LYRICS -> {
                    b.ensureScene(sceneCast(elements, i));
                    planAction(e, b);
                }
                case CHARACTER -> {
                    b.ensureScene(sceneCast(elements, i));
                    i = planDialogue(elements, i, b) - 1;
                }
                default -> {
                    // Transitions, sections, synopses and page breaks shape the text, not the pictures.
                }
            }
        }
    }

    private void planAction(Element e, Builder b) {
        if (e.centered()) {
            b.add(e.line(), clamp(seconds(e.text(), ACTION_WORDS_PER_SECOND) + ACTION_HOLD_SECONDS, 2.0, MAX_ACTION_SECONDS),
                    ShotKind.ACTION, CameraMove.STATIC, b.setting, List.of(), "", e.text().strip(), "");
            return;
        }
        for (String chunk : chunks(e.text(), ACTION_WORDS_PER_SECOND, MAX_ACTION_SECONDS - 1.0)) {
            List<String> present = b.mentioned(chunk);
            b.add(e.line(), clamp(seconds(chunk, ACTION_WORDS_PER_SECOND) + ACTION_HOLD_SECONDS, 2.0, MAX_ACTION_SECONDS),
                    ShotKind.ACTION, CameraRules.action(chunk), b.setting, present, "", chunk, "");
        }
    }

    /** Plans the dialogue block starting at {@code start} (a CHARACTER); returns the index after it. */
    private int planDialogue(List<Element> elements, int start, Builder b) {
        Block first = Block.read(elements, start);
        if (first.cue().dual() && first.end() < elements.size()
                && elements.get(first.end()).type() == ElementType.CHARACTER && elements.get(first.end()).dual()) {
            Block second = Block.read(elements, first.end());
            String caption = first.speaker() + ": " + first.text() + "\n" + second.speaker() + ": " + second.text();
            double secs = Math.max(speech(first.text()), speech(second.text()));
            b.heard(first.speaker());
            b.heard(second.speaker());
            b.add(first.cue().line(), secs, ShotKind.TWO_SHOT, CameraMove.PAN, b.setting,
                    List.of(first.speaker(), second.speaker()), "", caption, "");
            return second.end();
        }
        String speaker = first.speaker();
        String listener = b.listenerFor(speaker);
        boolean offScreen = first.cue().extensions().stream()
                .anyMatch(x -> OFF_SCREEN.contains(x.toUpperCase(Locale.ROOT)));
        List<String> chunks = chunks(first.text(), SPEECH_WORDS_PER_SECOND, MAX_DIALOGUE_SECONDS);
        for (int c = 0; c < chunks.size(); c++) {
            String line = chunks.get(c);
            // Long speeches alternate speaker and listener; off-screen voices play over the listener.
            boolean reverse = listener != null && (offScreen || c % 2 == 1);
            ShotKind kind = reverse ? ShotKind.REVERSE : ShotKind.DIALOGUE;
            List<String> frame = reverse ? (offScreen ? List.of(listener) : List.of(listener, speaker))
                    : listener == null || offScreen ? (offScreen ? List.of() : List.of(speaker)) : List.of(speaker, listener);
            CameraMove camera = reverse ? CameraMove.STATIC : CameraRules.dialogue(line, first.parenthetical());
            b.add(first.cue().line(), speech(line), kind, camera, b.setting, frame, speaker, line,
                    c == 0 ? first.parenthetical() : "");
        }
        b.heard(speaker);
        return first.end();
    }

    private static double speech(String text) {
        return Math.max(MIN_SHOT_SECONDS, seconds(text, SPEECH_WORDS_PER_SECOND) + 0.5);
    }

    private static double seconds(String text, double wordsPerSecond) {
        return words(text) / wordsPerSecond;
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Splits text at sentence ends into chunks that each play within {@code maxSeconds}. */
    static List<String> chunks(String text, double wordsPerSecond, double maxSeconds) {
        String flat = text.strip().replaceAll("\\s+", " ");
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String sentence : SENTENCE_END.split(flat)) {
            String candidate = cur.length() == 0 ? sentence : cur + " " + sentence;
            if (cur.length() > 0 && seconds(candidate, wordsPerSecond) > maxSeconds) {
                out.add(cur.toString());
                cur.setLength(0);
                cur.append(sentence);
            } else {
                cur.setLength(0);
                cur.append(candidate);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Who speaks in the scene that starts at {@code from}, in order of first line. */
    private static List<String> sceneCast(List<Element> elements, int from) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = from; i < elements.size() && elements.get(i).type() != ElementType.SCENE_HEADING; i++) {
            if (elements.get(i).type() == ElementType.CHARACTER) {
                names.add(elements.get(i).text().strip());
            }
        }
        return List.copyOf(names);
    }

    /** Everyone who speaks in the screenplay, in order of first line. */
    private static List<String> speakers(Screenplay screenplay) {
        Set<String> names = new LinkedHashSet<>();
        for (Element e : screenplay.elements()) {
            if (e.type() == ElementType.CHARACTER) {
                names.add(e.text().strip());
            }
        }
        return List.copyOf(names);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\n\\s*", " ");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    /** A character cue with its parentheticals and dialogue (lyrics count as dialogue). */
    private record Block(Element cue, String speaker, String parenthetical, String text, int end) {
        static Block read(List<Element> elements, int start) {
            Element cue = elements.get(start);
            StringBuilder text = new StringBuilder();
            String parenthetical = "";
            int i = start + 1;
            for (; i < elements.size(); i++) {
                Element e = elements.get(i);
                if (e.type() == ElementType.PARENTHETICAL) {
                    parenthetical = parenthetical.isEmpty() ? e.text().strip() : parenthetical;
                } else if (e.type() == ElementType.DIALOGUE || e.type() == ElementType.LYRICS) {
                    text.append(text.length() == 0 ? "" : " ").append(e.text().strip());
                } else {
                    break;
                }
            }
            return new Block(cue, cue.text().strip(), parenthetical, text.toString(), i);
        }
    }

    /** Accumulates shots with their numbering, timing and keys. */
    private final class Builder {
        final CatalogueEntry film;
        final List<String> cast;
        final List<PlannedShot> shots = new ArrayList<>();
        final List<String> heardInScene = new ArrayList<>();
        List<String> sceneCast = List.of();
        Setting setting = new Setting(Setting.Exposure.INT, "", "DAY");
        int scene;
        String sceneLabel = "0";
        int shotInScene;
        int frame;

        Builder(CatalogueEntry film, List<String> cast) {
            this.film = film;
            this.cast = cast;
        }

        void startScene(Setting s, String number, List<String> castOfScene) {
            scene++;
            sceneCast = castOfScene;
            shotInScene = 0;
            setting = s;
            sceneLabel = number == null || number.isBlank() ? Integer.toString(scene) : number;
            heardInScene.clear();
        }

        /** Text before any scene heading still needs a scene to sit in. */
        void ensureScene(List<String> castOfScene) {
            if (scene == 0) {
                startScene(setting, null, castOfScene);
            }
        }

        void heard(String speaker) {
            heardInScene.remove(speaker);
            heardInScene.add(speaker);
        }

        /** The last other speaker of the scene, else the first other one to speak in it, else null. */
        String listenerFor(String speaker) {
            for (int i = heardInScene.size() - 1; i >= 0; i--) {
                if (!heardInScene.get(i).equals(speaker)) {
                    return heardInScene.get(i);
                }
            }
            return sceneCast.stream().filter(n -> !n.equals(speaker)).findFirst().orElse(null);
        }

        /** Speaking characters named in a text, in cast order. */
        List<String> mentioned(String text) {
            List<String> out = new ArrayList<>();
            for (String name : cast) {
                Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                if (p.matcher(text).find()) {
                    out.add(name);
                }
            }
            return out;
        }

        void add(int line, double secondsLong, ShotKind kind, CameraMove camera, Setting where, List<String> characters,
                 String speaker, String caption, String subcaption) {
            int frames = Math.max(1, (int) Math.round(secondsLong * settings.fps()));
            long seed = Seeds.shot(film.seed(), kind, where, characters, speaker, caption, subcaption);
            StylePreset preset = styles.get(film.style());
            String style = preset == null ? film.style() : preset.palette();
            String prompt = PromptWriter.prompt(style, preset == null ? "" : preset.prompt(), kind, camera, where,
                    characters, speaker, caption, subcaption);
            ShotSpec spec = new ShotSpec(settings.width(), settings.height(), settings.fps(), frames, seed, kind, camera,
                    where, characters, speaker, caption, subcaption, style, prompt);
            shotInScene++;
            shots.add(new PlannedShot(film.filmId(), MAIN_VARIANT, scene, scene == 0 ? "0" : sceneLabel, shotInScene,
                    frame, spec, ShotKey.of(settings.renderer(), spec), line));
            frame += frames;
        }
    }
}

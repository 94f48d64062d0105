package dev.storyreel.plan;

import dev.storyreel.catalogue.CatalogueEntry;
import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.ElementType;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.CastMember;
import dev.storyreel.shot.Direction;
import dev.storyreel.shot.Seeds;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKey;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSize;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.shot.SpeakerMode;
import dev.storyreel.shot.Transition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a screenplay into a shot plan, deterministically: a title card, then per scene an establishing shot,
 * action shots and dialogue coverage. It directs rather than transcribes:
 * <ul>
 *   <li>camera directions (CLOSE ON, ANGLE ON, INSERT, POV, PULL BACK, shot headings such as
 *       {@code .SNIPER SCOPE POV}) set the size, subject and move of the shot they describe and are never
 *       shown as text ({@link CameraDirection});</li>
 *   <li>transitions and endings become the next shot's {@code transitionIn} ({@link TransitionCue});</li>
 *   <li>V.O. and O.S. lines never frame their speaker: they play over the scene's visible action, a present
 *       listener, or, opening a scene, its establishing view;</li>
 *   <li>long speeches are cut at sentence ends into coverage (speaker, listener, two-shot, close), no shot
 *       longer than {@link #MAX_SHOT_SECONDS}; dialogue runs as long as {@link SpokenDuration} says;</li>
 *   <li>everyone in frame is described by the film's {@link CharacterBible}, in every prompt.</li>
 * </ul>
 * The result runs at about a minute per screenplay page ({@link PageCount}).
 */
public final class ShotPlanner {
    /** The variant every film has until variants exist. */
    public static final String MAIN_VARIANT = "main";

    static final double TITLE_SECONDS = 4.0;
    static final double ESTABLISHING_SECONDS = 2.5;
    /** How fast described action plays on screen, in words of description per second. */
    static final double ACTION_WORDS_PER_SECOND = 3.5;
    static final double MIN_SHOT_SECONDS = 1.5;
    /** No shot runs longer. */
    static final double MAX_SHOT_SECONDS = 7.0;
    /** Time an action shot holds beyond reading its description. */
    static final double ACTION_HOLD_SECONDS = 0.75;
    /** A single this long or longer pushes in slowly. */
    static final double LONG_LINE_SECONDS = 4.0;
    /** A line is held at least long enough to read as a subtitle ("NAME: line") at this many characters a second. */
    static final double READING_CHARS_PER_SECOND = 17.0;
    /** Time a dialogue shot holds after the line. */
    static final double DIALOGUE_TAIL_SECONDS = 0.3;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[,;:—–])\\s+|\\s+(?=--)");
    private static final Pattern INTENSE = Pattern.compile("\\b(?:shout\\w*|yell\\w*|angry|furious|scream\\w*|"
            + "whisper\\w*|quietly|tears|urgent|hiss\\w*|desperate)\\b");

    private final PlanSettings settings;
    private final Map<String, StylePreset> styles;
    private final SpokenDuration speech;

    public ShotPlanner(PlanSettings settings) {
        this(settings, Map.of());
    }

    /** A planner that resolves the film's style name through named presets (prompt lead, palette, negative). */
    public ShotPlanner(PlanSettings settings, Map<String, StylePreset> styles) {
        this(settings, styles, SpokenDuration.DEFAULT);
    }

    /** A planner that times dialogue with a calibrated {@link SpokenDuration}. */
    public ShotPlanner(PlanSettings settings, Map<String, StylePreset> styles, SpokenDuration speech) {
        this.settings = settings;
        this.styles = Map.copyOf(styles);
        this.speech = speech;
    }

    /** Plans one film. The screenplay should be parsed with emphasis stripped (captions are plain text). */
    public FilmPlan plan(CatalogueEntry film, Screenplay screenplay) {
        String title = firstNonBlank(screenplay.titleEntry("title", ""), film.title(), film.filmId());
        CharacterBible bible = CharacterBible.of(screenplay);
        Builder b = new Builder(film, bible);
        String credit = String.join("\n", nonBlank(screenplay.titleEntry("credit", ""), screenplay.titleEntry("author", "")));
        b.transition = Transition.FADE_IN;
        b.add(new Draft(0, TITLE_SECONDS, ShotKind.TITLE, ShotSize.WIDE, CameraMove.STATIC, List.of(), "", null,
                oneLine(title), credit, ""));
        planBody(screenplay.elements(), b);
        return new FilmPlan(film.filmId(), MAIN_VARIANT, oneLine(title), screenplay.source(), b.shots, bible,
                PageCount.pages(screenplay));
    }

    private void planBody(List<Element> elements, Builder b) {
        String previousTime = "";
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            switch (e.type()) {
                case SCENE_HEADING -> {
                    CameraDirection shot = b.scene > 0 ? CameraDirection.asShotHeading(e.text()) : null;
                    if (shot != null) {
                        planShotHeading(shot, e, elements, i, b);
                        continue;
                    }
                    Setting s = SceneHeading.parse(e.text(), previousTime);
                    previousTime = s.timeOfDay();
                    b.startScene(s, e.sceneNumber(), onSpeakers(elements, i + 1));
                    b.add(new Draft(e.line(), ESTABLISHING_SECONDS, ShotKind.ESTABLISHING,
                            s.exposure() == Setting.Exposure.INT ? ShotSize.WIDE : ShotSize.EXTREME_WIDE,
                            CameraRules.establishing(s), List.of(), "", null, "", "", b.locationDescriptor()));
                }
                case TRANSITION -> b.transition = TransitionCue.of(e.text());
                case ACTION, LYRICS -> {
                    String text = e.text();
                    String[] lines = text.strip().split("\n", 2);
                    if (TransitionCue.is(text)) {
                        b.transition = TransitionCue.of(text);
                        continue;
                    }
                    if (lines.length == 2 && TransitionCue.is(lines[0])) {
                        b.transition = TransitionCue.of(lines[0]);
                        text = lines[1];
                    }
                    b.ensureScene(elements, i);
                    planAction(e, text, elements, i, b);
                }
                case CHARACTER -> {
                    b.ensureScene(elements, i);
                    i = planDialogue(elements, i, b) - 1;
                }
                default -> {
                    // Sections, synopses and page breaks shape the text, not the pictures.
                }
            }
        }
    }

    /** A shot heading: a shot of its subject now, or the framing of the next shot. */
    private void planShotHeading(CameraDirection d, Element e, List<Element> elements, int i, Builder b) {
        boolean nextIsAction = i + 1 < elements.size() && elements.get(i + 1).type() == ElementType.ACTION
                && !TransitionCue.is(elements.get(i + 1).text());
        if (!d.framing()) {
            b.pending = null;
            return;
        }
        List<String> named = b.names.mentioned(d.subject());
        boolean subjectIsCharacter = !named.isEmpty() && d.subject().split("\\s+").length <= 3;
        if (nextIsAction || subjectIsCharacter || d.subject().isBlank()) {
            b.pending = d;
            return;
        }
        planProse(e.line(), CameraDirection.capitalise(d.subject().toLowerCase(Locale.ROOT)) + ".", d, b);
    }

    private void planAction(Element e, String text, List<Element> elements, int i, Builder b) {
        if (e.centered()) {
            b.add(new Draft(e.line(), clamp(actionSeconds(text), 2.0, MAX_SHOT_SECONDS), ShotKind.ACTION,
                    ShotSize.WIDE, CameraMove.STATIC, List.of(), "", null, CameraDirection.safeCaption(text.strip()), "",
                    oneLine(text)));
            return;
        }
        CameraDirection d = CameraDirection.inAction(text);
        String prose = text;
        if (d != null) {
            prose = d.prose();
            if (!prose.isBlank() && prose.codePoints().noneMatch(Character::isLowerCase)) {
                // A shot line in capitals ("INSERT - THE VAN'S PLATE"): its subject as a sentence.
                prose = CameraDirection.capitalise(prose.toLowerCase(Locale.ROOT).replaceAll("[.!:]+$", "")) + ".";
            }
            if (!d.framing()) {
                d = null;
            }
        }
        if (prose.isBlank()) {
            b.pending = d;
            return;
        }
        if (d != null) {
            List<String> named = b.names.mentioned(prose);
            boolean onlyName = !named.isEmpty() && prose.replaceAll("[^\\p{L} ]", "").strip().split("\\s+").length <= 3
                    && d.move() == null;
            if (onlyName && i + 1 < elements.size() && elements.get(i + 1).type() != ElementType.SCENE_HEADING) {
                b.pending = new CameraDirection(d.size(), d.move(), prose, "", d.pov());
                return;
            }
            planProse(e.line(), prose, d, b);
            return;
        }
        planProse(e.line(), prose, null, b);
    }

    /** Action prose as shots of at most a shot's length; a direction sets the size and move of the first. */
    private void planProse(int line, String prose, CameraDirection d, Builder b) {
        List<String> chunks = chunks(prose, ACTION_WORDS_PER_SECOND, MAX_SHOT_SECONDS - ACTION_HOLD_SECONDS);
        for (int c = 0; c < chunks.size(); c++) {
            String chunk = chunks.get(c);
            List<String> frame = new ArrayList<>(b.names.mentioned(chunk));
            b.present.addAll(frame);
            ShotSize size = frame.isEmpty() ? ShotSize.WIDE : frame.size() <= 2 ? ShotSize.MEDIUM : ShotSize.WIDE;
            CameraMove move = CameraRules.action(chunk);
            if (d != null && c == 0) {
                if (d.size() != null) {
                    size = d.size();
                }
                if ((d.size() == ShotSize.INSERT || d.size() == ShotSize.CLOSE) && frame.isEmpty()) {
                    b.detail = oneLine(chunk);
                }
                if (d.move() != null) {
                    move = d.move();
                }
                if (d.size() == ShotSize.POV && !d.pov().isEmpty()) {
                    CharacterEntry eye = b.bible.find(d.pov());
                    if (eye != null) {
                        frame.remove(eye.name());
                    }
                }
            }
            b.add(new Draft(line, clamp(actionSeconds(chunk), 2.0, MAX_SHOT_SECONDS), ShotKind.ACTION, size, move, frame,
                    "", null, CameraDirection.safeCaption(chunk), "", oneLine(chunk)));
        }
    }

    private static double actionSeconds(String text) {
        return seconds(text, ACTION_WORDS_PER_SECOND) + ACTION_HOLD_SECONDS;
    }

    /** Plans the dialogue block starting at {@code start} (a CHARACTER); returns the index after it. */
    private int planDialogue(List<Element> elements, int start, Builder b) {
        Block first = Block.read(elements, start);
        if (first.cue().dual() && first.end() < elements.size()
                && elements.get(first.end()).type() == ElementType.CHARACTER && elements.get(first.end()).dual()) {
            Block second = Block.read(elements, first.end());
            String caption = first.speaker() + ": " + first.text() + "\n" + second.speaker() + ": " + second.text();
            double secs = Math.min(MAX_SHOT_SECONDS, Math.max(lineSeconds(first.text(), first.speaker()),
                    lineSeconds(second.text(), second.speaker())));
            List<String> frame = new ArrayList<>();
            for (Block k : List.of(first, second)) {
                if (k.mode() == SpeakerMode.ON) {
                    frame.add(k.speaker());
                    b.heard(k.speaker());
                }
            }
            b.add(new Draft(first.cue().line(), secs, ShotKind.TWO_SHOT,
                    frame.size() == 2 ? ShotSize.TWO_SHOT : ShotSize.MEDIUM, CameraMove.PAN, frame, first.speaker(),
                    first.mode(), caption, "", ""));
            return second.end();
        }
        String speaker = first.speaker();
        SpeakerMode mode = first.mode();
        List<String> chunks = speechChunks(first.text());
        boolean intense = !first.parenthetical().isEmpty()
                && INTENSE.matcher(first.parenthetical().toLowerCase(Locale.ROOT)).find();
        for (int c = 0; c < chunks.size(); c++) {
            String line = chunks.get(c);
            String sub = c == 0 ? first.parenthetical() : "";
            double secs = lineSeconds(line, speaker);
            if (mode == SpeakerMode.ON) {
                b.present.add(speaker);
                planOnScreen(first.cue().line(), speaker, line, sub, secs, c, intense || line.contains("!"), b);
            } else {
                planHeard(first.cue().line(), speaker, mode, line, sub, secs, c, b);
            }
        }
        if (mode == SpeakerMode.ON) {
            b.heard(speaker);
        }
        return first.end();
    }

    /** Coverage of an on-screen speaker: single, reverse over the listener, two-shot, close single. */
    private void planOnScreen(int line, String speaker, String text, String sub, double secs, int c, boolean intense,
                              Builder b) {
        String listener = b.listenerFor(speaker, true);
        int turn = listener == null ? (c % 2 == 0 ? 0 : 3) : c % 4;
        Draft d = switch (turn) {
            case 1 -> new Draft(line, secs, ShotKind.REVERSE, ShotSize.OVER_SHOULDER, CameraMove.STATIC,
                    List.of(listener, speaker), speaker, SpeakerMode.ON, text, sub, "");
            case 2 -> new Draft(line, secs, ShotKind.TWO_SHOT, ShotSize.TWO_SHOT, CameraMove.STATIC,
                    List.of(speaker, listener), speaker, SpeakerMode.ON, text, sub, "");
            // The fourth beat: the scene's detail (the last thing a CLOSE ON or INSERT showed), else a close single.
            case 3 -> b.detail.isEmpty()
                    ? new Draft(line, secs, ShotKind.DIALOGUE, ShotSize.CLOSE, CameraMove.PUSH_IN, List.of(speaker),
                    speaker, SpeakerMode.ON, text, sub, "")
                    : new Draft(line, secs, ShotKind.ACTION, ShotSize.INSERT, CameraMove.STATIC, List.of(), speaker,
                    SpeakerMode.ON, text, sub, b.detail);
            // A single: pushed in on an intense or long line (a slow push holds the eye), locked off otherwise.
            default -> new Draft(line, secs, ShotKind.DIALOGUE, intense ? ShotSize.CLOSE : ShotSize.MEDIUM_CLOSE,
                    intense || secs >= LONG_LINE_SECONDS ? CameraMove.PUSH_IN : CameraMove.STATIC, List.of(speaker),
                    speaker, SpeakerMode.ON, text, sub, "");
        };
        b.add(d);
    }

    /**
     * A voice heard but not seen (V.O., O.S.): over the scene's visible action, a present listener, or the
     * scene's establishing view; never a shot of the speaker.
     */
    private void planHeard(int line, String speaker, SpeakerMode mode, String text, String sub, double secs, int c,
                           Builder b) {
        PlannedShot last = b.lastInScene();
        String listener = b.listenerFor(speaker, false);
        boolean preferListener = mode == SpeakerMode.OS && listener != null;
        if (!preferListener && last != null && last.spec().kind() == ShotKind.ACTION && last.spec().direction() != null) {
            List<String> frame = new ArrayList<>(last.spec().direction().inFrame());
            if (!b.sceneSpeakers.contains(speaker)) {
                frame.remove(speaker);
            }
            ShotSize size = frame.isEmpty() ? (c % 2 == 0 ? ShotSize.WIDE : ShotSize.MEDIUM)
                    : frame.size() == 2 ? ShotSize.TWO_SHOT : frame.size() == 1 ? ShotSize.MEDIUM : ShotSize.WIDE;
            b.add(new Draft(line, secs, ShotKind.ACTION, size, c % 2 == 0 ? CameraMove.PUSH_IN : CameraMove.PAN, frame,
                    speaker, mode, text, sub, last.spec().direction().action()));
            return;
        }
        if (listener != null) {
            b.add(new Draft(line, secs, ShotKind.REVERSE, c % 2 == 0 ? ShotSize.MEDIUM_CLOSE : ShotSize.CLOSE,
                    CameraMove.STATIC, List.of(listener), speaker, mode, text, sub, ""));
            return;
        }
        // Narration opening a scene establishes it.
        b.add(new Draft(line, secs, ShotKind.ESTABLISHING, c % 2 == 0 ? ShotSize.EXTREME_WIDE : ShotSize.WIDE,
                c % 2 == 0 ? CameraMove.PAN : CameraMove.PUSH_IN, List.of(), speaker, mode, text, sub,
                b.locationDescriptor()));
    }

    private double lineSeconds(String text, String speaker) {
        double readable = (Names.oneLine(text).length() + speaker.length() + 2) / READING_CHARS_PER_SECOND;
        return clamp(Math.max(speech.seconds(text) + DIALOGUE_TAIL_SECONDS, readable), MIN_SHOT_SECONDS, MAX_SHOT_SECONDS);
    }

    /** A speech cut at sentence ends (long sentences at clauses, then words) into lines of at most a shot each. */
    List<String> speechChunks(String text) {
        double max = MAX_SHOT_SECONDS - DIALOGUE_TAIL_SECONDS;
        List<String> pieces = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(Names.oneLine(text))) {
            if (speech.seconds(sentence) <= max) {
                pieces.add(sentence);
                continue;
            }
            for (String clause : CLAUSE_END.split(sentence)) {
                if (speech.seconds(clause) <= max) {
                    pieces.add(clause);
                    continue;
                }
                String[] words = clause.split("\\s+");
                int per = Math.max(1, (int) Math.floor((max - speech.leadIn()) * speech.wordsPerSecond()) - 1);
                for (int w = 0; w < words.length; w += per) {
                    pieces.add(String.join(" ", java.util.Arrays.copyOfRange(words, w, Math.min(words.length, w + per))));
                }
            }
        }
        return pack(pieces, speech::seconds, max);
    }

    /** Joins consecutive pieces (with a space) while the joined text plays within {@code maxSeconds}. */
    private static List<String> pack(Iterable<String> pieces, java.util.function.ToDoubleFunction<String> seconds,
                                     double maxSeconds) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String p : pieces) {
            String candidate = cur.length() == 0 ? p : cur + " " + p;
            if (cur.length() > 0 && seconds.applyAsDouble(candidate) > maxSeconds) {
                out.add(cur.toString());
                cur.setLength(0);
                cur.append(p);
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
        return pack(java.util.Arrays.asList(SENTENCE_END.split(flat)), t -> seconds(t, wordsPerSecond), maxSeconds);
    }

    /** Who speaks on screen in the scene that starts at {@code from}, in order of first line. */
    private static List<String> onSpeakers(List<Element> elements, int from) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = from; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.type() == ElementType.SCENE_HEADING && CameraDirection.asShotHeading(e.text()) == null) {
                break;
            }
            if (e.type() == ElementType.CHARACTER && SpeakerModes.of(e.extensions()) == SpeakerMode.ON) {
                names.add(Names.normal(e.text()));
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
    private record Block(Element cue, String speaker, SpeakerMode mode, String parenthetical, String text, int end) {
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
            return new Block(cue, Names.normal(cue.text()), SpeakerModes.of(cue.extensions()), parenthetical,
                    text.toString(), i);
        }
    }

    /** A shot before numbering, timing and keys. */
    private record Draft(int line, double seconds, ShotKind kind, ShotSize size, CameraMove camera, List<String> inFrame,
                         String speaker, SpeakerMode mode, String caption, String subcaption, String action) {
    }

    /** Accumulates shots with their numbering, timing, presence and keys. */
    private final class Builder {
        final CatalogueEntry film;
        final CharacterBible bible;
        final CharacterBible.NameFinder names;
        final StylePreset preset;
        final List<PlannedShot> shots = new ArrayList<>();
        final List<String> heardInScene = new ArrayList<>();
        /** Characters seen so far in the scene (named in action or speaking on screen), in order. */
        final Set<String> present = new LinkedHashSet<>();
        List<String> sceneSpeakers = List.of();
        Setting setting = new Setting(Setting.Exposure.INT, "", "");
        Transition transition = Transition.CUT;
        CameraDirection pending;
        /** What the scene's last insert or close-up showed ("The letter."), or "". */
        String detail = "";
        int scene;
        String sceneLabel = "0";
        int shotInScene;
        int frame;

        Builder(CatalogueEntry film, CharacterBible bible) {
            this.film = film;
            this.bible = bible;
            this.names = bible.finder();
            this.preset = styles.get(film.style());
        }

        void startScene(Setting s, String number, List<String> speakersOfScene) {
            scene++;
            sceneSpeakers = speakersOfScene;
            shotInScene = 0;
            setting = s;
            sceneLabel = number == null || number.isBlank() ? Integer.toString(scene) : number;
            heardInScene.clear();
            present.clear();
            pending = null;
            detail = "";
        }

        /** Text before any scene heading still needs a scene to sit in. */
        void ensureScene(List<Element> elements, int from) {
            if (scene == 0) {
                startScene(setting, null, onSpeakers(elements, from));
            }
        }

        String locationDescriptor() {
            LocationEntry l = bible.location(setting.location());
            return l == null ? "" : l.descriptor();
        }

        void heard(String speaker) {
            heardInScene.remove(speaker);
            heardInScene.add(speaker);
        }

        PlannedShot lastInScene() {
            return shotInScene == 0 || shots.isEmpty() ? null : shots.get(shots.size() - 1);
        }

        /**
         * Who listens: the last other on-screen speaker of the scene, else the last other character seen in it,
         * else (for an on-screen speaker) another who speaks later in the scene; null when nobody is there.
         */
        String listenerFor(String speaker, boolean onScreen) {
            for (int i = heardInScene.size() - 1; i >= 0; i--) {
                if (!heardInScene.get(i).equals(speaker)) {
                    return heardInScene.get(i);
                }
            }
            List<String> seen = new ArrayList<>(present);
            for (int i = seen.size() - 1; i >= 0; i--) {
                if (!seen.get(i).equals(speaker)) {
                    return seen.get(i);
                }
            }
            return onScreen ? sceneSpeakers.stream().filter(n -> !n.equals(speaker)).findFirst().orElse(null) : null;
        }

        void add(Draft d) {
            ShotSize size = d.size();
            CameraMove camera = d.camera();
            List<String> inFrame = new ArrayList<>(d.inFrame());
            if (pending != null && d.kind() != ShotKind.ESTABLISHING && d.kind() != ShotKind.TITLE) {
                if (pending.size() != null) {
                    size = pending.size();
                }
                if (pending.move() != null) {
                    camera = pending.move();
                }
                for (String n : names.mentioned(pending.subject())) {
                    if (!inFrame.contains(n) && !n.equals(d.mode() == SpeakerMode.ON ? "" : d.speaker())) {
                        inFrame.add(0, n);
                    }
                }
                if (size == ShotSize.POV && !pending.pov().isEmpty()) {
                    CharacterEntry eye = bible.find(pending.pov());
                    if (eye != null) {
                        inFrame.remove(eye.name());
                    }
                }
                pending = null;
            }
            size = agree(size, inFrame);
            int frames = Math.max(1, (int) Math.round(d.seconds() * settings.fps()));
            Setting where = d.kind() == ShotKind.TITLE ? new Setting(Setting.Exposure.EXT, "", "") : setting;
            long seed = Seeds.shot(film.seed(), d.kind(), where, inFrame, d.speaker(), d.caption(), d.subcaption());
            String style = preset == null ? film.style() : preset.palette();
            String lead = preset == null || preset.prompt().isBlank()
                    ? (film.style().isBlank() ? "" : film.style().strip() + " style film still") : preset.prompt();
            String negative = preset == null ? StylePreset.DEFAULT_NEGATIVE : preset.negative();
            List<CastMember> cast = new ArrayList<>();
            for (String n : inFrame) {
                CharacterEntry c = bible.find(n);
                cast.add(new CastMember(n, c == null ? "" : c.descriptor()));
            }
            SpeakerMode mode = d.speaker().isEmpty() ? null : d.mode() == null ? SpeakerMode.ON : d.mode();
            PromptWriter.Shot p = new PromptWriter.Shot(d.kind(), size, camera, where,
                    d.kind() == ShotKind.TITLE ? "" : locationDescriptor(), cast, d.speaker(),
                    mode != null && mode != SpeakerMode.ON, d.action(), d.caption());
            Direction direction = new Direction(size, inFrame, mode, transition, cast, d.action(),
                    PromptWriter.longPrompt(lead, p), negative);
            ShotSpec spec = new ShotSpec(settings.width(), settings.height(), settings.fps(), frames, seed, d.kind(),
                    camera, where, inFrame, d.speaker(), d.caption(), d.subcaption(), style,
                    PromptWriter.shortPrompt(lead, p), direction);
            transition = Transition.CUT;
            shotInScene++;
            shots.add(new PlannedShot(film.filmId(), MAIN_VARIANT, scene, scene == 0 ? "0" : sceneLabel, shotInScene,
                    frame, spec, ShotKey.of(settings.renderer(), spec), d.line()));
            frame += frames;
        }
    }

    /** A size that agrees with how many are in frame: a close-up holds one subject, a two-shot two. */
    static ShotSize agree(ShotSize size, List<String> inFrame) {
        int n = inFrame.size();
        return switch (size) {
            case CLOSE, MEDIUM_CLOSE -> n <= 1 ? size : n == 2 ? ShotSize.TWO_SHOT : ShotSize.MEDIUM;
            case INSERT -> n <= 1 ? size : ShotSize.MEDIUM;
            case TWO_SHOT -> n == 2 ? size : n == 1 ? ShotSize.MEDIUM_CLOSE : n == 0 ? ShotSize.WIDE : ShotSize.MEDIUM;
            case OVER_SHOULDER -> n >= 2 ? size : n == 1 ? ShotSize.MEDIUM_CLOSE : ShotSize.WIDE;
            default -> size;
        };
    }
}

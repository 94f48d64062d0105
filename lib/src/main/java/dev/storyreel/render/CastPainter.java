package dev.storyreel.render;

import dev.storyreel.shot.CastMember;
import dev.storyreel.shot.Direction;
import dev.storyreel.shot.Seeds;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSize;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.shot.SpeakerMode;
import dev.storyreel.shot.StableHash;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Puts the cast in a shot: who is in frame, how big (the shot size), where, facing whom, in which pose
 * (from the verbs of the action), who moves their mouth, and what they hold.
 */
final class CastPainter {

    /** Share of the frame kept clear at each edge: the title-safe area is the middle 90%. */
    static final double SAFE = 0.05;

    /**
     * The figures of a shot, back to front, and the point a push-in centres on.
     *
     * @param figures    every figure, back to front (the near shoulder of an over-the-shoulder shot last)
     * @param focusX     where push-ins and pull-outs centre
     * @param focusY     where push-ins and pull-outs centre
     * @param size       the shot size drawn
     */
    record Cast(List<Figure> figures, double focusX, double focusY, ShotSize size) {
    }

    private static final Map<String, Figure.Pose> VERBS = verbs();

    private CastPainter() {
    }

    /** The name as identity: parentheticals like "(V.O.)" dropped, trimmed, upper case. */
    static String key(String name) {
        return name.replaceAll("\\(.*?\\)", "").strip().toUpperCase(Locale.ROOT);
    }

    /** A character's default clothing colour: a stable function of the name. */
    static int nameColour(String name) {
        long h = StableHash.of(key(name));
        float hue = (float) ((Long.remainderUnsigned(h, 14) + 0.35 * StableHash.unit(h, 8)) / 14.0);
        float sat = (float) (0.55 + 0.3 * StableHash.unit(h, 24));
        float bri = (float) (0.62 + 0.25 * StableHash.unit(h, 40));
        return Color.HSBtoRGB(hue, sat, bri) & 0xFFFFFF;
    }

    /** The shot size a spec asks for: the director's, or one implied by the shot kind. */
    static ShotSize sizeOf(ShotSpec spec) {
        if (spec.direction() != null) {
            return spec.direction().size();
        }
        return switch (spec.kind()) {
            case TITLE, ESTABLISHING -> ShotSize.EXTREME_WIDE;
            case ACTION -> ShotSize.WIDE;
            case DIALOGUE -> ShotSize.MEDIUM_CLOSE;
            case REVERSE -> ShotSize.OVER_SHOULDER;
            case TWO_SHOT -> ShotSize.TWO_SHOT;
        };
    }

    /** The characters in frame by key, in screen order. */
    static List<String> people(ShotSpec spec) {
        List<String> out = new ArrayList<>();
        Direction d = spec.direction();
        if (d != null) {
            for (String c : d.inFrame()) {
                String k = key(c);
                if (!k.isEmpty() && !out.contains(k)) {
                    out.add(k);
                }
            }
            return out;
        }
        String speaker = key(spec.speaker());
        for (String c : spec.characters()) {
            String k = key(c);
            if (!k.isEmpty() && !out.contains(k)) {
                out.add(k);
            }
        }
        if (!speaker.isEmpty() && !out.contains(speaker) && spec.kind() != ShotKind.TITLE && speakerOnScreen(spec)) {
            out.add(0, speaker);
        }
        return out;
    }

    /** Whether the speaker is in the shot's world and visible (not voice-over or off-screen). */
    static boolean speakerOnScreen(ShotSpec spec) {
        String raw = spec.speaker().toUpperCase(Locale.ROOT).replace(".", "");
        if (raw.contains("(VO)") || raw.contains("(OS)") || raw.contains("(OC)")) {
            return false;
        }
        Direction d = spec.direction();
        return d == null || d.speakerMode() == null || d.speakerMode() == SpeakerMode.ON;
    }

    /** Places the cast of a shot in a set. */
    static Cast stage(ShotSpec spec, Palette p, SetPainter.Built set, List<PropLexicon.Prop> props) {
        double w = spec.width();
        double h = spec.height();
        ShotSize size = sizeOf(spec);
        List<String> people = people(spec);
        String speaker = key(spec.speaker());
        boolean speakerOn = !speaker.isEmpty() && speakerOnScreen(spec);
        String text = ArtDepartment.text(spec);
        SplittableRandom r = Seeds.stream(spec.seed(), Seeds.Salt.POSE);
        double duration = (spec.frames() - 1) / (double) spec.fps();
        PropLexicon.Prop inHand = props.stream().filter(x -> x.place() == PropLexicon.Place.HAND).findFirst().orElse(null);
        List<Figure> figures = new ArrayList<>();
        if (size == ShotSize.POV || (size == ShotSize.INSERT && !props.isEmpty()) || people.isEmpty()) {
            return new Cast(figures, w / 2, h / 2, size);
        }
        if (size == ShotSize.INSERT) {
            size = ShotSize.CLOSE;
        }
        Map<String, String> descriptors = new java.util.TreeMap<>();
        if (spec.direction() != null) {
            for (CastMember m : spec.direction().cast()) {
                descriptors.put(key(m.name()), m.descriptor());
            }
        }
        String lead = speakerOn && people.contains(speaker) ? speaker : people.get(0);
        switch (size) {
            case CLOSE, MEDIUM_CLOSE -> {
                String other = people.stream().filter(n -> !n.equals(lead)).findFirst().orElse("");
                Appearance a = Appearance.of(lead, descriptors.getOrDefault(lead, ""));
                double headShare = size == ShotSize.CLOSE ? 0.62 : 0.36;
                double fh = headShare * h / 0.21;
                fh = StrictMath.min(fh, (size == ShotSize.CLOSE ? 0.66 : 0.42) * w / (0.2 * a.build()));
                int facing = other.isEmpty() ? (r.nextBoolean() ? 1 : -1) : people.indexOf(other) > people.indexOf(lead) ? 1 : -1;
                double x = w / 2 - facing * w * (size == ShotSize.CLOSE ? 0.03 : 0.08);
                double top = h * (size == ShotSize.CLOSE ? 0.12 : 0.1);
                figures.add(figure(spec, a, pose(text, lead, 0, set.seated(), lead.equals(speaker) && speakerOn), x,
                        top + fh, fh, facing, false, speakerOn && lead.equals(speaker), duration, inHand, p, 1.0));
            }
            case OVER_SHOULDER -> {
                String near = people.stream().filter(n -> !n.equals(lead)).findFirst().orElse("");
                int side = people.indexOf(lead) % 2 == 0 ? -1 : 1;
                Appearance a = Appearance.of(lead, descriptors.getOrDefault(lead, ""));
                double safeW = w * (1 - 2 * SAFE);
                double fh = StrictMath.min(1.7 * h, 0.85 * safeW / (0.44 * a.build()));
                double hx = 0.22 * fh * a.build();
                double x = StrictMath.max(w * SAFE + hx, StrictMath.min(w * (1 - SAFE) - hx, w / 2 - side * w * 0.12));
                figures.add(figure(spec, a, pose(text, lead, 0, set.seated(), lead.equals(speaker) && speakerOn), x,
                        h * 0.12 + fh, fh, side, false, speakerOn && lead.equals(speaker), duration, inHand, p, 1.0));
                if (!near.isEmpty()) {
                    Appearance b = Appearance.of(near, descriptors.getOrDefault(near, ""));
                    double nh = 2.3 * h;
                    figures.add(figure(spec, b, Figure.Pose.STAND, w / 2 + side * w * 0.42, h * 0.42 + nh, nh, -side, true,
                            false, 0, null, p, SetPainter.FRONT));
                }
            }
            default -> {
                int n = StrictMath.min(size == ShotSize.TWO_SHOT ? 2 : 6, people.size());
                double fh;
                double feet;
                switch (size) {
                    case EXTREME_WIDE -> {
                        fh = 0.3 * h;
                        feet = 0.88 * h;
                    }
                    case WIDE -> {
                        fh = 0.6 * h;
                        feet = 0.94 * h;
                    }
                    default -> {
                        fh = 1.3 * h;
                        feet = 0.11 * h + fh;
                    }
                }
                double safeW = w * (1 - 2 * SAFE);
                fh = StrictMath.min(fh, safeW / (n * 0.58));
                if (size != ShotSize.EXTREME_WIDE && size != ShotSize.WIDE) {
                    feet = 0.11 * h + fh;
                }
                List<Figure.Pose> poses = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String who = people.get(i);
                    poses.add(pose(text, who, i, set.seated(), speakerOn && who.equals(speaker)));
                }
                boolean embrace = n >= 2 && (poses.get(0) == Figure.Pose.EMBRACE || poses.get(1) == Figure.Pose.EMBRACE);
                double spacing = embrace ? fh * 0.26 : StrictMath.min(safeW / n, fh * 0.75);
                int speakerIndex = speakerOn ? people.subList(0, n).indexOf(speaker) : -1;
                for (int i = 0; i < n; i++) {
                    String who = people.get(i);
                    Appearance a = Appearance.of(who, descriptors.getOrDefault(who, ""));
                    double x = w / 2 + (i - (n - 1) / 2.0) * spacing;
                    int facing;
                    if (n == 1) {
                        facing = r.nextBoolean() ? 1 : -1;
                    } else if (speakerIndex >= 0 && speakerIndex != i) {
                        facing = speakerIndex > i ? 1 : -1;
                    } else {
                        facing = i < (n - 1) / 2.0 ? 1 : i > (n - 1) / 2.0 ? -1 : (r.nextBoolean() ? 1 : -1);
                    }
                    Figure.Pose pose = poses.get(i);
                    if (pose == Figure.Pose.EMBRACE && n < 2) {
                        pose = Figure.Pose.HOLD;
                    }
                    double travel = pose == Figure.Pose.RUN ? 0.3 * w : pose == Figure.Pose.WALK ? 0.12 * w : 0;
                    double hx = fh * 0.34;
                    double room = StrictMath.max(0, safeW - 2 * hx);
                    travel = StrictMath.min(travel, room * 0.9);
                    double lo = w * SAFE + hx + travel / 2;
                    double hi = w * (1 - SAFE) - hx - travel / 2;
                    x = lo > hi ? w / 2 : StrictMath.max(lo, StrictMath.min(hi, x));
                    double fhi = fh * a.stature();
                    figures.add(figure(spec, a, pose, x, feet, fhi, facing, false,
                            i == speakerIndex, travel, i == 0 ? inHand : null, p, 1.0));
                }
            }
        }
        Figure focus = figures.get(0);
        java.awt.geom.Rectangle2D face = focus.faceBox(0.5);
        double fx = StrictMath.max(w * 0.25, StrictMath.min(w * 0.75, face.getCenterX()));
        double fy = StrictMath.max(h * 0.25, StrictMath.min(h * 0.75, face.getCenterY()));
        return new Cast(List.copyOf(figures), fx, fy, size);
    }

    private static Figure figure(ShotSpec spec, Appearance a, Figure.Pose pose, double x, double ground, double fh,
                                 int facing, boolean back, boolean talking, double travel, PropLexicon.Prop inHand,
                                 Palette p, double depth) {
        Figure.Pose shown = inHand != null && (pose == Figure.Pose.STAND || pose == Figure.Pose.TALK) ? Figure.Pose.HOLD : pose;
        double duration = (spec.frames() - 1) / (double) spec.fps();
        return new Figure(a, shown, x, ground, fh, facing, back, talking, travel, spec.fps(), duration,
                spec.seed() ^ StableHash.of(a.name()), inHand, p, depth);
    }

    /**
     * The pose of {@code who}: the first pose verb of a sentence naming them (by any word of the name), else
     * for the first figure the first pose verb of the text; speakers without one talk; sets where people sit
     * (vehicles) seat whoever would stand.
     */
    static Figure.Pose pose(String text, String who, int index, boolean seated, boolean speaking) {
        Figure.Pose found = null;
        List<String> nameWords = new ArrayList<>();
        for (String part : who.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (part.length() > 1) {
                nameWords.add(part);
            }
        }
        String[] sentences = text.toLowerCase(Locale.ROOT).split("[.!?;]+");
        for (String s : sentences) {
            List<String> words = List.of(s.split("[^\\p{L}']+"));
            if (nameWords.stream().anyMatch(words::contains)) {
                found = firstVerb(words);
                if (found != null) {
                    break;
                }
            }
        }
        if (found == null && index == 0) {
            for (String s : sentences) {
                found = firstVerb(List.of(s.split("[^\\p{L}']+")));
                if (found != null) {
                    break;
                }
            }
        }
        if (found == null) {
            found = speaking ? Figure.Pose.TALK : Figure.Pose.STAND;
        }
        if (seated && (found == Figure.Pose.STAND || found == Figure.Pose.TALK || found == Figure.Pose.WALK)) {
            return Figure.Pose.SIT;
        }
        return found;
    }

    private static Figure.Pose firstVerb(List<String> words) {
        for (String w : words) {
            Figure.Pose p = VERBS.get(w);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, Figure.Pose> verbs() {
        Map<String, Figure.Pose> m = new java.util.HashMap<>();
        put(m, Figure.Pose.RUN, "runs", "run", "running", "sprints", "sprint", "sprinting", "races", "race", "racing",
                "dashes", "dash", "rushes", "rush", "flees", "chases", "hurries", "scrambles", "bolts", "charges", "jogs");
        put(m, Figure.Pose.WALK, "walks", "walk", "walking", "strolls", "crosses", "paces", "wanders", "approaches",
                "enters", "steps", "heads", "marches", "limps", "follows", "leaves", "exits", "comes", "goes");
        put(m, Figure.Pose.SIT, "sits", "sit", "sitting", "seated", "slumps", "perches", "drives", "driving");
        put(m, Figure.Pose.KNEEL, "kneels", "kneel", "kneeling", "crouches", "crouch", "squats", "bends");
        put(m, Figure.Pose.LIE, "lies", "lying", "sleeps", "asleep", "sprawled", "unconscious");
        put(m, Figure.Pose.FALL, "falls", "fall", "falling", "collapses", "trips", "stumbles", "slips", "topples",
                "tumbles", "faints");
        put(m, Figure.Pose.POINT, "points", "pointing", "gestures", "indicates", "aims");
        put(m, Figure.Pose.WAVE, "waves", "waving", "beckons", "signals", "salutes");
        put(m, Figure.Pose.REACH, "reaches", "grabs", "grab", "takes", "picks", "lifts", "opens", "pulls", "pushes",
                "hands", "offers", "taps", "seals", "slams", "turns", "presses", "throws", "catches");
        put(m, Figure.Pose.HOLD, "holds", "holding", "carries", "carrying", "clutches", "eats", "drinks", "reads",
                "checks", "watches", "studies", "sips");
        put(m, Figure.Pose.EMBRACE, "embraces", "embrace", "hugs", "hug", "hugging", "kisses", "kiss");
        put(m, Figure.Pose.CLIMB, "climbs", "climb", "climbing", "hauls", "clambers", "scales", "ascends", "hangs");
        return Map.copyOf(m);
    }

    private static void put(Map<String, Figure.Pose> m, Figure.Pose p, String... words) {
        for (String w : words) {
            m.put(w, p);
        }
    }
}

package dev.storyreel.plan;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.CastMember;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a shot's prompts for generative renderers from the director's decisions, not from raw screenplay
 * prose: style, shot size and subject(s) with their bible descriptors, what they do, the place, time and
 * light, the camera. The short form fits CLIP's 77-token context ({@link #CLIP_BUDGET}, counted
 * conservatively); the long form, for video models, keeps every detail. A close-up holds one subject: the
 * size phrase always agrees with the number of people in frame.
 */
final class PromptWriter {
    /** Tokens a short prompt may use: CLIP's 77 less its start and end tokens. */
    static final int CLIP_BUDGET = 75;
    private static final Pattern PRETOKEN = Pattern.compile("'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+");

    /** What a prompt is written from. */
    record Shot(ShotKind kind, ShotSize size, CameraMove camera, Setting setting, String locationDescriptor,
                List<CastMember> cast, String speaker, boolean speakerHeard, String action, String caption) {
    }

    private PromptWriter() {
    }

    /** A conservative count of CLIP BPE tokens: a word of up to 5 letters is one, longer ones one per 4 letters. */
    static int tokens(String text) {
        Matcher m = PRETOKEN.matcher(text.toLowerCase(Locale.ROOT));
        int n = 0;
        while (m.find()) {
            String w = m.group();
            n += Character.isLetter(w.charAt(0)) && w.length() > 5 ? (w.length() + 3) / 4 : Character.isLetter(w.charAt(0))
                    || Character.isDigit(w.charAt(0)) ? 1 : w.length();
        }
        return n;
    }

    /** The short prompt, within {@link #CLIP_BUDGET} tokens. */
    static String shortPrompt(String stylePrompt, Shot s) {
        if (s.kind() == ShotKind.TITLE) {
            return fit(List.of(new Part(lead(stylePrompt), 1), new Part("title card reading \"" + s.caption() + "\"", 3),
                    new Part("plain dark background", 0)));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(lead(stylePrompt), 1));
        parts.add(new Part(framing(s, true), 4));
        if (!s.speaker().isEmpty() && !s.speakerHeard() && s.cast().stream().anyMatch(c -> c.name().equals(s.speaker()))) {
            parts.add(new Part(name(s.speaker()) + " speaking", 1));
        }
        String action = promptAction(s.action());
        boolean actionInFraming = s.cast().isEmpty() && closeSize(s.size());
        if (!action.isBlank() && !actionInFraming) {
            parts.add(new Part(words(action, 16), 0));
        }
        parts.add(new Part(place(s.setting()), 3));
        String light = light(s.setting());
        if (!light.isEmpty()) {
            parts.add(new Part(light, 2));
        }
        if (s.camera() != CameraMove.STATIC) {
            parts.add(new Part("camera " + s.camera().label().replace('_', ' '), 2));
        }
        return fit(parts);
    }

    /** A part of a short prompt; lower priorities are shortened first. */
    record Part(String text, int priority) {
    }

    private static boolean closeSize(ShotSize size) {
        return size == ShotSize.CLOSE || size == ShotSize.MEDIUM_CLOSE || size == ShotSize.INSERT || size == ShotSize.POV;
    }

    /** Screenplay prose made prompt prose: no ages in parentheses, no capitals shouting, one line. */
    static String promptAction(String action) {
        String a = Names.oneLine(action).replaceAll("\\s*\\([^)]*\\)", "");
        StringBuilder b = new StringBuilder();
        for (String w : a.split(" ")) {
            boolean caps = w.length() > 1 && w.chars().anyMatch(Character::isLetter)
                    && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
            b.append(b.length() == 0 ? "" : " ").append(caps ? w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT) : w);
        }
        return b.toString().strip();
    }

    /** The long prompt for video models: every descriptor, the whole action, the place and its description. */
    static String longPrompt(String stylePrompt, Shot s) {
        if (s.kind() == ShotKind.TITLE) {
            return lead(stylePrompt) + ". A title card reading \"" + s.caption() + "\" on a plain dark background, "
                    + "letters fading in slowly.";
        }
        StringBuilder b = new StringBuilder();
        b.append(capital(lead(stylePrompt))).append(". ");
        b.append(capital(framing(s, false))).append(". ");
        if (!s.action().isBlank()) {
            b.append(capital(promptAction(s.action()).replaceAll("[.!?]+$", ""))).append(". ");
        }
        if (!s.speaker().isEmpty()) {
            b.append(s.speakerHeard() ? capital(name(s.speaker())) + " is heard but not seen" : capital(name(s.speaker()))
                    + " speaks").append(". ");
        }
        b.append("Setting: ").append(place(s.setting()));
        if (!s.locationDescriptor().isBlank()) {
            b.append(" (").append(s.locationDescriptor().strip().toLowerCase(Locale.ROOT)).append(")");
        }
        b.append(". ");
        String light = light(s.setting());
        if (!light.isEmpty()) {
            b.append(capital(light)).append(". ");
        }
        b.append(switch (s.camera()) {
            case STATIC -> "Locked-off camera.";
            case PAN -> "The camera pans slowly.";
            case TILT -> "The camera tilts.";
            case PUSH_IN -> "The camera pushes in slowly.";
            case PULL_OUT -> "The camera pulls back.";
            case TRACK -> "The camera tracks with the movement.";
        });
        return b.toString().strip();
    }

    private static String lead(String stylePrompt) {
        return stylePrompt.isBlank() ? "cinematic film still" : stylePrompt.strip();
    }

    /** "close-up of MARTA (woman in her 70s, ...)", "two-shot of A and B", "wide shot of the empty causeway". */
    private static String framing(Shot s, boolean brief) {
        List<CastMember> cast = s.cast();
        String who = who(cast, brief);
        ShotSize size = s.size();
        String phrase = switch (size) {
            case EXTREME_WIDE -> "extreme wide shot";
            case WIDE -> "wide shot";
            case MEDIUM -> "medium shot";
            case MEDIUM_CLOSE -> "medium close-up";
            case CLOSE -> "close-up";
            case INSERT -> "insert close-up";
            case TWO_SHOT -> "two-shot";
            case OVER_SHOULDER -> "over-the-shoulder shot";
            case POV -> "point-of-view shot";
        };
        if (size == ShotSize.POV) {
            return phrase + (who.isEmpty() ? "" : " including " + who);
        }
        if (who.isEmpty() && closeSize(size)) {
            String what = promptAction(s.action());
            return phrase + (what.isBlank() ? " of a detail" : " of " + words(lowerFirst(what), brief ? 8 : 40));
        }
        if (who.isEmpty()) {
            return phrase + ", no people";
        }
        if (size == ShotSize.OVER_SHOULDER && cast.size() >= 2) {
            return phrase + " over " + name(cast.get(1).name()) + "'s shoulder onto " + who(cast.subList(0, 1), brief);
        }
        return phrase + " of " + who;
    }

    private static String who(List<CastMember> cast, boolean brief) {
        List<String> each = new ArrayList<>();
        for (CastMember c : cast) {
            String d = brief ? fragments(c.descriptor(), cast.size() > 2 ? 4 : cast.size() == 2 ? 8 : 12) : c.descriptor();
            each.add(name(c.name()) + (d.isBlank() ? "" : " (" + d.replaceAll("[()]", "") + ")"));
        }
        if (each.size() > 3 && brief) {
            return String.join(", ", each.subList(0, 3)) + " and others";
        }
        return each.size() <= 1 ? String.join("", each)
                : String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1);
    }

    private static String place(Setting s) {
        String where = switch (s.exposure()) {
            case INT -> "interior";
            case EXT -> "exterior";
            case INT_EXT -> "interior and exterior";
        };
        String loc = s.location().toLowerCase(Locale.ROOT);
        String sub = s.subLocation().toLowerCase(Locale.ROOT);
        return (where + " " + loc + (sub.isEmpty() ? "" : ", " + sub)).strip();
    }

    /** Time of day as light. */
    static String light(Setting s) {
        return switch (s.timeOfDay()) {
            case "" -> "";
            case "NIGHT", "MIDNIGHT", "NIGHTTIME" -> "night, low moonlight and practical lamps";
            case "DUSK", "SUNSET", "TWILIGHT", "NIGHTFALL", "EVENING" -> s.timeOfDay().toLowerCase(Locale.ROOT)
                    + ", low golden light fading to blue";
            case "DAWN", "SUNRISE", "DAYBREAK" -> s.timeOfDay().toLowerCase(Locale.ROOT) + ", cold first light";
            case "MORNING" -> "morning, soft daylight";
            case "NOON", "MIDDAY" -> "midday, hard overhead sun";
            case "AFTERNOON" -> "afternoon daylight";
            default -> "daylight";
        };
    }

    /**
     * Joins parts with commas, shortening the lowest-priority parts (then dropping them) until the whole fits.
     * Token counts add up over parts (a ", " separator is one token), so each part is counted once per change.
     */
    static String fit(List<Part> parts) {
        List<Part> p = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Part part : parts) {
            if (!part.text().isBlank()) {
                p.add(part);
                counts.add(tokens(part.text()));
            }
        }
        int total = counts.stream().mapToInt(Integer::intValue).sum() + Math.max(0, p.size() - 1);
        while (total > CLIP_BUDGET && !p.isEmpty()) {
            int victim = 0;
            for (int i = 1; i < p.size(); i++) {
                if (p.get(i).priority() < p.get(victim).priority()
                        || p.get(i).priority() == p.get(victim).priority() && counts.get(i) > counts.get(victim)) {
                    victim = i;
                }
            }
            Part v = p.get(victim);
            String[] w = v.text().split("\\s+");
            if (w.length > 4) {
                String shorter = balance(String.join(" ", java.util.Arrays.copyOf(w, w.length - 1)).replaceAll("[,;:(]+$", ""));
                p.set(victim, new Part(shorter, v.priority()));
                int c = tokens(shorter);
                total += c - counts.get(victim);
                counts.set(victim, c);
            } else if (p.size() > 1) {
                total -= counts.get(victim) + 1;
                p.remove(victim);
                counts.remove(victim);
            } else {
                break;
            }
        }
        String out = join(p);
        if (tokens(out) > CLIP_BUDGET) {
            String[] w = out.split("\\s+");
            int n = w.length;
            while (n > 1 && tokens(String.join(" ", java.util.Arrays.copyOf(w, n))) > CLIP_BUDGET) {
                n--;
            }
            out = String.join(" ", java.util.Arrays.copyOf(w, n));
        }
        return out;
    }

    private static String join(List<Part> parts) {
        return String.join(", ", parts.stream().map(Part::text).filter(t -> !t.isBlank()).toList());
    }

    private static String balance(String s) {
        long open = s.chars().filter(c -> c == '(').count();
        long close = s.chars().filter(c -> c == ')').count();
        return open > close ? s + ")" : s;
    }

    /** Whole comma-separated fragments of a descriptor up to {@code max} words (the first one cut if longer). */
    static String fragments(String descriptor, int max) {
        List<String> kept = new ArrayList<>();
        int n = 0;
        for (String f : descriptor.split(",\\s*")) {
            int w = f.isBlank() ? 0 : f.strip().split("\\s+").length;
            if (!kept.isEmpty() && n + w > max) {
                break;
            }
            kept.add(kept.isEmpty() && w > max ? words(f, max) : f.strip());
            n += w;
        }
        return String.join(", ", kept);
    }

    private static String words(String text, int max) {
        String[] w = Names.oneLine(text).split("\\s+");
        String out = w.length <= max ? String.join(" ", w) : String.join(" ", java.util.Arrays.copyOf(w, max));
        return out.replaceAll("[.!?,;:]+$", "");
    }

    private static String name(String n) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char ch : n.toCharArray()) {
            b.append(start ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
            start = !Character.isLetter(ch);
        }
        return b.toString();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}

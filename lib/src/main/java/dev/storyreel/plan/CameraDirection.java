package dev.storyreel.plan;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.ShotSize;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A camera direction found in a screenplay ("CLOSE ON the letter.", "We PULL BACK to reveal the bay.",
 * "ANGLE ON MARTA", "INSERT - THE LETTER", a shot heading such as {@code .SNIPER SCOPE POV}): the framing
 * and move it asks for and the prose left once the direction is taken out. Directions shape the shot they
 * describe; they are never shown as text.
 *
 * @param size    the shot size asked for, or null when the direction names none ("PUSH IN")
 * @param move    the camera move asked for, or null when it names none ("CLOSE ON")
 * @param subject what the direction points at, without the direction ("the letter", "MARTA"), may be ""
 * @param prose   the paragraph's text with the direction removed (what happens), may be ""
 * @param pov     whose point of view ("MARTA" from "MARTA'S POV"), or ""
 */
record CameraDirection(ShotSize size, CameraMove move, String subject, String prose, String pov) {

    private record Rule(Pattern caps, Pattern anyCase, ShotSize size, CameraMove move) {
    }

    private static final String LEAD = "(?:(?:[Tt]he |THE )?(?:CAMERA|[Cc]amera|WE|[Ww]e)\\s+)?";
    private static final List<Rule> RULES = List.of(
            rule("EXTREME CLOSE[- ]?(?:UP|SHOT|ON)?|ECU(?: ON)?|EXTREME CU", true, ShotSize.CLOSE, null),
            rule("CLOSE[- ]?(?:UP|SHOT|ON|ANGLE)(?: ON)?|CLOSEUP(?: ON)?|TIGHT ON|CU ON", true, ShotSize.CLOSE, null),
            rule("MEDIUM CLOSE[- ]?(?:UP|SHOT)?(?: ON)?|MCU(?: ON)?", true, ShotSize.MEDIUM_CLOSE, null),
            rule("MEDIUM(?: SHOT| ON| ANGLE)(?: ON)?|MID[- ]SHOT", true, ShotSize.MEDIUM, null),
            rule("TWO[- ]SHOT(?: ON| OF)?", true, ShotSize.TWO_SHOT, null),
            rule("OVER (?:THE |HIS |HER |[A-Z]+'S )?SHOULDER(?: SHOT)?|OTS(?: ON)?", true, ShotSize.OVER_SHOULDER, null),
            rule("(?:ANOTHER|REVERSE|NEW|DIFFERENT|HIGH|LOW|WIDER|TIGHTER) ANGLE(?: ON)?|ANGLE ON|REVERSE ON",
                    true, ShotSize.MEDIUM, null),
            rule("INSERT(?: SHOT)?(?: ON| OF)?", true, ShotSize.INSERT, null),
            rule("AERIAL(?: SHOT| VIEW)?(?: OF| ON)?|BIRD'S[- ]EYE VIEW(?: OF)?|EXTREME WIDE(?: SHOT)?(?: ON| OF)?",
                    true, ShotSize.EXTREME_WIDE, null),
            rule("WIDE(?: SHOT| ON| ANGLE)(?: ON| OF)?|ESTABLISHING SHOT(?: OF)?|FULL SHOT(?: OF)?|LONG SHOT(?: OF)?",
                    true, ShotSize.WIDE, null),
            rule("WIDE", false, ShotSize.WIDE, null),
            rule("TRACKING(?: SHOT)?(?: WITH| ON| ALONG)?|(?:FOLLOW|FOLLOWS) (?:WITH|ALONG)|DOLLY(?:ING)? WITH|"
                    + "MOVING WITH|STEADICAM(?: WITH)?|HANDHELD", true, null, CameraMove.TRACK),
            rule("FOLLOWS?|TRACKS?", false, null, CameraMove.TRACK),
            rule("(?:SLOW )?PUSH(?:ES|ING)? IN(?: ON| TO| CLOSER)?|DOLL(?:Y|IES) IN(?: ON)?|ZOOMS? IN(?: ON)?|"
                    + "MOVES? IN(?: ON)?|CREEPS? IN(?: ON)?|SLOW PUSH", true, null, CameraMove.PUSH_IN),
            rule("PULL(?:S|ING)? (?:BACK|OUT|AWAY)|DOLL(?:Y|IES) (?:BACK|OUT)|ZOOMS? OUT|CRANES? (?:UP|BACK|AWAY)|"
                    + "BOOMS? UP", true, null, CameraMove.PULL_OUT),
            rule("(?:WHIP )?PAN(?:S|NING)?(?: (?:LEFT|RIGHT|ACROSS|OVER|TO|WITH|ALONG|DOWN|UP))?", false, null,
                    CameraMove.PAN),
            rule("TILT(?:S|ING)? (?:UP|DOWN)(?: TO)?|CRANES? DOWN(?: TO)?|BOOMS? DOWN", true, null, CameraMove.TILT),
            rule("BACK TO (?:SCENE|PRESENT|THE PRESENT)|RESUME(?: SCENE)?|END (?:OF )?(?:FLASHBACK|POV|INSERT|MONTAGE)|"
                    + "INTERCUT(?: WITH| BETWEEN)?|SERIES OF SHOTS|MONTAGE|SPLIT SCREEN|SUPER(?:IMPOSE)?:?",
                    true, null, null));
    /** "MARTA'S POV", "SNIPER SCOPE POV", "POV -", "POINT OF VIEW". */
    private static final Pattern POV = Pattern.compile(
            "^\\s*(?:([A-Z0-9][A-Z0-9 .'’\\-]*?)(?:'S|’S)?\\s+)?(?:POV|P\\.O\\.V\\.|POINT OF VIEW)\\b[\\s:.\\-—–]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POV_ANYWHERE = Pattern.compile(
            "\\b(?:([A-Z][A-Z'’]*?)(?:'S|’S)\\s+)?(?:POV|P\\.O\\.V\\.)\\b");
    /** Connectives left after a direction is taken out ("to reveal the bay" reads as "the bay"). */
    private static final Pattern CONNECTIVE = Pattern.compile(
            "^(?:[\\s:,.;\\-—–]+|to reveal\\b|revealing\\b|to find\\b|to\\b|on\\b|onto\\b|in on\\b|as\\b|of\\b|"
                    + "with\\b|from\\b)+", Pattern.CASE_INSENSITIVE);
    /** What acceptance and readers see as a direction at the start of a caption, in any case. */
    private static final Pattern NEVER_CAPTION = Pattern.compile(
            "^\\s*(?:(?:WE|THE CAMERA|CAMERA) +)?(?:CLOSE (?:SHOT|ON|UP)|EXTREME CLOSE|ANGLE ON|ANOTHER ANGLE|"
                    + "REVERSE ANGLE|INSERT|POV|WIDE (?:SHOT|ON)|TRACKING|PUSH(?:ES)? IN|PULLS? BACK|PANS?\\b|"
                    + "FADE (?:IN|OUT|TO)|(?:SMASH |MATCH )?CUT TO|DISSOLVE TO)[\\s:.,;\\-—–]*",
            Pattern.CASE_INSENSITIVE);

    private static Rule rule(String alternatives, boolean anyCaseAtStart, ShotSize size, CameraMove move) {
        Pattern caps = Pattern.compile("(?<![\\p{L}\\p{N}'’\\-])" + LEAD + "(?:" + alternatives + ")(?![\\p{L}\\p{N}\\-])");
        Pattern any = anyCaseAtStart ? Pattern.compile("^\\s*" + LEAD + "(?:" + alternatives + ")(?![\\p{L}\\p{N}\\-])",
                Pattern.CASE_INSENSITIVE) : null;
        return new Rule(caps, any, size, move);
    }

    /** Whether this direction asks for anything (a size or a move); "BACK TO SCENE" asks for nothing. */
    boolean framing() {
        return size != null || move != null;
    }

    /**
     * The direction in an action paragraph: at its start in any case ("Close on the letter."), or anywhere in
     * capitals ("The CAMERA PANS across the room."); null when the paragraph holds none.
     */
    static CameraDirection inAction(String text) {
        String t = text.strip();
        Matcher pov = POV.matcher(t);
        if (pov.lookingAt() && (pov.group(1) == null || pov.group(1).equals(pov.group(1).toUpperCase(Locale.ROOT)))) {
            String who = pov.group(1) == null ? "" : pov.group(1).strip();
            String rest = clean(t.substring(pov.end()));
            return new CameraDirection(ShotSize.POV, null, rest, rest, who);
        }
        Matcher povAny = POV_ANYWHERE.matcher(t);
        for (Rule r : RULES) {
            Matcher m = r.anyCase() == null ? null : r.anyCase().matcher(t);
            if (m != null && m.find()) {
                return found(r, t, m.start(), m.end());
            }
        }
        int best = -1;
        Rule bestRule = null;
        int bestEnd = 0;
        for (Rule r : RULES) {
            Matcher m = r.caps().matcher(t);
            if (m.find() && (best < 0 || m.start() < best)) {
                best = m.start();
                bestEnd = m.end();
                bestRule = r;
            }
        }
        if (povAny.find() && (best < 0 || povAny.start() < best)) {
            String who = povAny.group(1) == null ? "" : povAny.group(1).strip();
            String rest = clean(t.substring(0, povAny.start()) + " " + t.substring(povAny.end()));
            return new CameraDirection(ShotSize.POV, null, rest, rest, who);
        }
        return bestRule == null ? null : found(bestRule, t, best, bestEnd);
    }

    /**
     * A heading that is a shot, not a place ({@code .SNIPER SCOPE POV}, "CLOSE SHOT -- REGGIE", "ANGLE ON THE
     * DOOR", "INSERT - THE LETTER", "ON MARTA", "BACK TO SCENE"); null when the heading is a new scene.
     */
    static CameraDirection asShotHeading(String heading) {
        String t = heading.strip();
        String u = t.toUpperCase(Locale.ROOT);
        if (u.matches("^ON\\s+\\S.*")) {
            String subject = clean(t.substring(2));
            return new CameraDirection(ShotSize.MEDIUM, null, subject, "", "");
        }
        CameraDirection d = inAction(u);
        if (d == null) {
            return null;
        }
        // A heading is a shot only when the direction leads it or closes it ("SNIPER SCOPE POV").
        boolean leads = NEVER_CAPTION.matcher(u).lookingAt() || d.size() == ShotSize.POV
                || RULES.stream().anyMatch(r -> r.anyCase() != null && r.anyCase().matcher(u).lookingAt())
                || RULES.stream().anyMatch(r -> r.caps().matcher(u).lookingAt());
        return leads ? d : null;
    }

    /** A caption never starts with a direction: strips one if a line of prose starts with such words. */
    static String safeCaption(String caption) {
        String c = caption;
        for (int i = 0; i < 3; i++) {
            Matcher m = NEVER_CAPTION.matcher(c);
            if (!m.lookingAt()) {
                break;
            }
            c = capitalise(clean(c.substring(m.end())));
        }
        return c;
    }

    private static CameraDirection found(Rule r, String t, int start, int end) {
        String before = t.substring(0, start).strip();
        String after = clean(t.substring(end));
        String prose = before.isEmpty() ? capitalise(after) : (before + (after.isEmpty() ? "" : " " + after)).strip();
        // The subject: what follows up to the sentence's end ("the letter", "MARTA").
        String subject = after.split("(?<=[.!?])\\s", 2)[0].replaceAll("[.!?:]+$", "").strip();
        return new CameraDirection(r.size(), r.move(), subject, capitalise(prose.strip()), "");
    }

    private static String clean(String s) {
        return CONNECTIVE.matcher(s.strip()).replaceFirst("").strip();
    }

    static String capitalise(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package dev.storyreel.plan;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Chooses a camera move from a shot's content, by keyword rules checked in a fixed order. */
final class CameraRules {
    private record Rule(CameraMove move, Pattern words) {
    }

    private static final List<Rule> ACTION = List.of(
            rule(CameraMove.TRACK, "runs?|running|ran|chases?|chasing|sprints?|sprinting|races?|racing|drives?|driving|"
                    + "speeds?|flees?|fleeing|hurries|hurry|rushes|rush|follows?|pursues?|swerves?|dashes"),
            rule(CameraMove.TILT, "climbs?|climbing|looks up|rises|rising|falls?|falling|descends?|ladder|stairs|"
                    + "tower|lighthouse|ceiling|sky"),
            rule(CameraMove.PUSH_IN, "sees|notices|realizes|realises|stares?|staring|discovers?|reveals?|freezes|"
                    + "gasps|trembles|shaking|closer|leans in"),
            rule(CameraMove.PULL_OUT, "leaves|alone|disappears|walks away|fades?|exits|drifts|vanishes|empty"),
            rule(CameraMove.PAN, "horizon|across|crowd|sweeps?|street|skyline|sea|ocean|city|waves|rooftops|room"));
    private static final Pattern TALL = words("lighthouse|tower|stairs|cliff|skyscraper|building|mountain|rooftop|roof");

    private CameraRules() {
    }

    static CameraMove establishing(Setting setting) {
        if (TALL.matcher(setting.location().toLowerCase(Locale.ROOT)).find()) {
            return CameraMove.TILT;
        }
        return setting.exposure() == Setting.Exposure.INT ? CameraMove.PUSH_IN : CameraMove.PAN;
    }

    static CameraMove action(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Rule r : ACTION) {
            if (r.words().matcher(t).find()) {
                return r.move();
            }
        }
        return CameraMove.STATIC;
    }

    private static Rule rule(CameraMove move, String alternatives) {
        return new Rule(move, words(alternatives));
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }
}

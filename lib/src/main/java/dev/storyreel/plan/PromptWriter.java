package dev.storyreel.plan;

import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a shot's text prompt for generative renderers: style, framing, characters, place, time, content. */
final class PromptWriter {
    private PromptWriter() {
    }

    static String prompt(String style, ShotKind kind, CameraMove camera, Setting setting, List<String> characters,
                         String speaker, String caption, String subcaption) {
        return prompt(style, "", kind, camera, setting, characters, speaker, caption, subcaption);
    }

    /** As above; a style preset's own lead phrase ({@code stylePrompt}, when not blank) replaces "X style film still". */
    static String prompt(String style, String stylePrompt, ShotKind kind, CameraMove camera, Setting setting,
                         List<String> characters, String speaker, String caption, String subcaption) {
        List<String> parts = new ArrayList<>();
        if (!stylePrompt.isBlank()) {
            parts.add(stylePrompt.strip());
        } else if (!style.isBlank()) {
            parts.add(style.strip() + " style film still");
        } else {
            parts.add("cinematic film still");
        }
        String who = characters.isEmpty() ? "" : " of " + String.join(" and ", characters);
        parts.add(switch (kind) {
            case TITLE -> "title card reading \"" + caption + "\"";
            case ESTABLISHING -> "wide establishing shot";
            case ACTION -> "medium wide shot" + who;
            case DIALOGUE -> "medium close-up" + who + (speaker.isEmpty() ? "" : ", " + speaker + " speaking");
            case REVERSE -> "over-the-shoulder reverse shot" + who;
            case TWO_SHOT -> "two-shot" + who;
        });
        if (kind != ShotKind.TITLE && !setting.location().isBlank()) {
            String where = switch (setting.exposure()) {
                case INT -> "interior";
                case EXT -> "exterior";
                case INT_EXT -> "interior and exterior";
            };
            parts.add(where + " " + setting.location().toLowerCase(Locale.ROOT));
        }
        if (!setting.timeOfDay().isBlank() && kind != ShotKind.TITLE) {
            parts.add(setting.timeOfDay().toLowerCase(Locale.ROOT));
        }
        if (camera != CameraMove.STATIC) {
            parts.add("camera " + camera.label().replace('_', ' '));
        }
        if (kind == ShotKind.ACTION && !caption.isBlank()) {
            parts.add(caption);
        }
        if (!subcaption.isBlank() && kind != ShotKind.TITLE) {
            parts.add(subcaption.replaceAll("[()]", ""));
        }
        return String.join(", ", parts);
    }
}

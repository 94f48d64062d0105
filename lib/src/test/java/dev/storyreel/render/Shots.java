package dev.storyreel.render;

import dev.storyreel.plan.CameraMove;
import dev.storyreel.plan.Setting;
import dev.storyreel.plan.ShotKind;
import dev.storyreel.plan.ShotSpec;
import java.util.List;

/** Test fixtures: a few representative shots. */
final class Shots {

    static final Setting STREET_NIGHT = new Setting(Setting.Exposure.EXT, "CITY STREET", "NIGHT");
    static final Setting STREET_DAY = new Setting(Setting.Exposure.EXT, "CITY STREET", "DAY");
    static final Setting KITCHEN_DAY = new Setting(Setting.Exposure.INT, "KITCHEN", "DAY");

    private Shots() {
    }

    static ShotSpec shot(int w, int h, int frames, long seed, ShotKind kind, CameraMove camera, Setting setting,
                         List<String> characters, String speaker, String caption, String sub, String style) {
        return new ShotSpec(w, h, 24, frames, seed, kind, camera, setting, characters, speaker, caption, sub, style, "");
    }

    static ShotSpec dialogue(int w, int h, int frames, long seed, CameraMove camera) {
        return shot(w, h, frames, seed, ShotKind.DIALOGUE, camera, KITCHEN_DAY, List.of("ANNA", "BEN"), "ANNA",
                "I told you the key was under the mat, not in the flowerpot.", "(sighing)", "");
    }

    static ShotSpec exterior(Setting setting, ShotKind kind, CameraMove camera, long seed) {
        return shot(640, 360, 12, seed, kind, camera, setting, List.of("ANNA", "BEN"), "",
                "Rain slicks the pavement. Anna and Ben walk under one umbrella.", "", "");
    }
}

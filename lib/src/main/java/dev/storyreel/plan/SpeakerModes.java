package dev.storyreel.plan;

import dev.storyreel.shot.SpeakerMode;

import java.util.List;
import java.util.Locale;

/** Reads a cue's extensions into where its speaker is: V.O. is voice-over, O.S./O.C./OFF/PRELAP off-screen. */
final class SpeakerModes {
    private SpeakerModes() {
    }

    /** The mode of a cue with these extensions ("V.O.", "CONT'D", "O.S."); CONT'D alone changes nothing. */
    static SpeakerMode of(List<String> extensions) {
        SpeakerMode mode = SpeakerMode.ON;
        for (String x : extensions) {
            String u = x.toUpperCase(Locale.ROOT).replaceAll("[\\s.’']", "");
            if (u.equals("VO") || u.startsWith("VO/") || u.contains("VOICEOVER") || u.equals("VOICE")
                    || u.equals("NARRATING") || u.equals("NARRATION") || u.contains("ONRADIO") || u.contains("ONPHONE")
                    || u.equals("FILTERED") || u.equals("ONTV") || u.equals("RECORDED") || u.equals("INTERCOM")) {
                return SpeakerMode.VO;
            }
            if (u.equals("OS") || u.equals("OC") || u.equals("OFF") || u.equals("OFFSCREEN") || u.equals("PRELAP")
                    || u.equals("PRE-LAP") || u.equals("OOV") || u.equals("OFFCAMERA")) {
                mode = SpeakerMode.OS;
            }
        }
        return mode;
    }
}

package dev.storyreel.render.bench;

import dev.storyreel.render.ProceduralRenderer;
import dev.storyreel.render.SetDesign;
import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.CastMember;
import dev.storyreel.shot.Direction;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSize;
import dev.storyreel.shot.ShotSpec;
import dev.storyreel.shot.SpeakerMode;
import dev.storyreel.shot.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Milliseconds per frame of the procedural renderer on one thread: for every set of the library, an
 * establishing pan, a wide action shot with two figures in the rain and a talking close-up, 24 frames
 * each. Prints the mean CPU time per frame over all shots and the slowest sets.
 *
 * <p>Usage: PrevisBench WIDTH HEIGHT [REPEATS]
 */
public final class PrevisBench {
    /** CPU time of this thread: on a shared machine wall time measures the neighbours too. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private PrevisBench() {
    }

    public static void main(String[] args) {
        int w = Integer.parseInt(args[0]);
        int h = Integer.parseInt(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<CastMember> bible = List.of(new CastMember("MAREN", "woman, 60s, grey braid, yellow oilskin coat"),
                new CastMember("JUNO", "woman, 20s, curly red hair, green parka"));
        ProceduralRenderer r = new ProceduralRenderer();
        List<String> rows = new ArrayList<>();
        long total = 0;
        int frames = 0;
        for (int warm = 0; warm <= repeats; warm++) {
            total = 0;
            frames = 0;
            rows.clear();
            for (SetDesign d : SetDesign.values()) {
                Setting s = new Setting(d.interior() ? Setting.Exposure.INT : Setting.Exposure.EXT, d.words().get(0), "NIGHT");
                List<ShotSpec> shots = List.of(
                        new ShotSpec(w, h, 24, 24, 1, ShotKind.ESTABLISHING, CameraMove.PAN, s, List.of(), "", "", "", "", ""),
                        new ShotSpec(w, h, 24, 24, 2, ShotKind.ACTION, CameraMove.TRACK, s, List.of("MAREN", "JUNO"), "",
                                "Rain. Juno runs to Maren with the torch.", "", "", "",
                                new Direction(ShotSize.WIDE, List.of("MAREN", "JUNO"), null, Transition.CUT, bible,
                                        "Rain. Juno runs to Maren with the torch.", "", "")),
                        new ShotSpec(w, h, 24, 24, 3, ShotKind.DIALOGUE, CameraMove.STATIC, s, List.of("MAREN"), "MAREN",
                                "Keep the lamp lit.", "", "", "",
                                new Direction(ShotSize.CLOSE, List.of("MAREN"), SpeakerMode.ON, Transition.CUT, bible, "", "",
                                        "")));
                long t0 = CPU.getCurrentThreadCpuTime();
                int[] n = {0};
                r.render(shots.iterator()).forEachRemaining(f -> n[0]++);
                long dt = CPU.getCurrentThreadCpuTime() - t0;
                total += dt;
                frames += n[0];
                rows.add(String.format(Locale.ROOT, "%8.2f ms/frame  %s", dt / 1e6 / n[0], d.id()));
            }
        }
        rows.sort((a, b) -> b.compareTo(a));
        System.out.printf(Locale.ROOT, "%dx%d: %.2f ms/frame over %d frames (%d sets x 3 shots x 24 frames), one thread, CPU time%n",
                w, h, total / 1e6 / frames, frames, SetDesign.values().length);
        System.out.println("slowest sets:");
        rows.subList(0, 5).forEach(System.out::println);
    }
}

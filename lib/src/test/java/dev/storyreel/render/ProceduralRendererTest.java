package dev.storyreel.render;

import dev.storyreel.shot.RendererInfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProceduralRendererTest {

    private static final Setting KITCHEN = new Setting(Setting.Exposure.INT, "KITCHEN", "DAY");
    private static final Setting STREET_DAY = new Setting(Setting.Exposure.EXT, "CITY STREET", "DAY");
    private static final Setting STREET_NIGHT = new Setting(Setting.Exposure.EXT, "CITY STREET", "NIGHT");
    private static final List<String> TWO = List.of("ANNA", "BEN");

    private static ShotSpec shot(int w, int h, int frames, long seed, ShotKind kind, CameraMove camera, Setting setting,
                                 List<String> chars, String speaker, String caption, String sub, String style) {
        return new ShotSpec(w, h, 24, frames, seed, kind, camera, setting, chars, speaker, caption, sub, style, "");
    }

    private static ShotSpec dialogue(long seed, CameraMove camera) {
        return shot(320, 180, 8, seed, ShotKind.DIALOGUE, camera, KITCHEN, TWO, "ANNA",
                "I told you the key was under the mat.", "(sighing)", "");
    }

    private static ShotSpec exterior(Setting setting, CameraMove camera) {
        return shot(320, 180, 8, 7, ShotKind.ACTION, camera, setting, TWO, "", "They cross the street.", "", "");
    }

    private static List<ShotSpec> variety() {
        return List.of(
                dialogue(1, CameraMove.PUSH_IN),
                exterior(STREET_NIGHT, CameraMove.PAN),
                shot(320, 180, 10, 3, ShotKind.TITLE, CameraMove.STATIC, KITCHEN, List.of(), "", "A Title", "by Me", "noir"),
                shot(256, 144, 6, 4, ShotKind.REVERSE, CameraMove.TRACK,
                        new Setting(Setting.Exposure.EXT, "DARK FOREST", "NIGHT"), TWO, "BEN", "Hear that?", "", "neon"),
                shot(256, 144, 6, 5, ShotKind.TWO_SHOT, CameraMove.TILT,
                        new Setting(Setting.Exposure.EXT, "HARBOR", "DUSK"), TWO, "", "Go.", "", "made-up style"));
    }

    private static List<byte[]> allBytes(List<ShotSpec> specs) {
        List<byte[]> out = new ArrayList<>();
        try (ProceduralRenderer r = new ProceduralRenderer()) {
            r.render(specs.iterator()).forEachRemaining(f -> out.add(Frames.bytes(f.image()).clone()));
        }
        return out;
    }

    @Test
    void infoIsProceduralVersionTwoWithTextOptionsInTheVersion() {
        assertEquals(new RendererInfo("procedural", "2"), new ProceduralRenderer().info());
        assertEquals(new RendererInfo("procedural", "2+overlay=label+captions=burn"),
                new ProceduralRenderer(Overlay.LABEL, Captions.BURN).info());
    }

    @Test
    void sameSpecGivesIdenticalBytesAcrossCalls() {
        List<byte[]> a = allBytes(variety());
        List<byte[]> b = allBytes(variety());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "frame " + i);
        }
    }

    @Test
    void sameSpecGivesIdenticalBytesAcrossThreads() throws Exception {
        List<byte[]> expected = allBytes(variety());
        ProceduralRenderer shared = new ProceduralRenderer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<byte[]>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int rotate = t;
                futures.add(pool.submit(() -> {
                    // Each thread renders the shots in a different order through one shared instance.
                    List<ShotSpec> specs = new ArrayList<>(variety());
                    java.util.Collections.rotate(specs, rotate);
                    List<byte[]> got = new ArrayList<>();
                    for (ShotSpec s : specs) {
                        shared.render(List.of(s).iterator()).forEachRemaining(f -> got.add(Frames.bytes(f.image()).clone()));
                    }
                    java.util.Collections.rotate(got, -framesBefore(specs, rotate));
                    return got;
                }));
            }
            for (Future<List<byte[]>> f : futures) {
                List<byte[]> got = f.get();
                assertEquals(expected.size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    assertArrayEquals(expected.get(i), got.get(i), "frame " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Number of frames of the shots that rotation moved to the front. */
    private static int framesBefore(List<ShotSpec> rotated, int rotate) {
        int n = 0;
        for (int i = 0; i < rotate % rotated.size(); i++) {
            n += rotated.get(i).frames();
        }
        return n;
    }

    @Test
    void differentSeedOrCameraChangesFrames() {
        BufferedImage base = Frames.last(dialogue(1, CameraMove.STATIC));
        assertFalse(Arrays.equals(Frames.bytes(base), Frames.bytes(Frames.last(dialogue(2, CameraMove.STATIC)))),
                "seed must matter");
        assertFalse(Arrays.equals(Frames.bytes(base), Frames.bytes(Frames.last(dialogue(1, CameraMove.PUSH_IN)))),
                "camera must matter");
        BufferedImage day1 = Frames.last(exterior(STREET_DAY, CameraMove.STATIC));
        BufferedImage day2 = Frames.last(shot(320, 180, 8, 8, ShotKind.ACTION, CameraMove.STATIC, STREET_DAY, TWO, "",
                "They cross the street.", "", ""));
        assertFalse(Arrays.equals(Frames.bytes(day1), Frames.bytes(day2)), "seed must matter outdoors too");
    }

    @Test
    void staticShotStillBreathes() {
        List<BufferedImage> frames = Frames.render(dialogue(1, CameraMove.STATIC));
        double total = Frames.meanAbsDiff(frames.get(0), frames.get(frames.size() - 1));
        assertTrue(total > 1, "a static shot must not be a still image: " + total);
    }

    @Test
    void movingCamerasMoveFluidly() {
        for (CameraMove move : List.of(CameraMove.PAN, CameraMove.TILT, CameraMove.PUSH_IN, CameraMove.PULL_OUT,
                CameraMove.TRACK)) {
            ShotSpec spec = shot(320, 180, 24, 11, ShotKind.ACTION, move, STREET_DAY, TWO, "", "Walking.", "", "");
            List<BufferedImage> frames = Frames.render(spec);
            double total = Frames.meanAbsDiff(frames.get(0), frames.get(frames.size() - 1));
            assertTrue(total > 2, move + ": first and last frame must differ clearly, got " + total);
            double maxStep = 0;
            for (int i = 1; i < frames.size(); i++) {
                double step = Frames.meanAbsDiff(frames.get(i - 1), frames.get(i));
                assertTrue(step > 0, move + ": frame " + i + " does not move");
                maxStep = Math.max(maxStep, step);
            }
            assertTrue(maxStep < total * 0.4, move + ": steps must be small, max " + maxStep + " vs total " + total);
        }
    }

    @Test
    void nightExteriorIsDarkerThanDay() {
        BufferedImage day = Frames.last(exterior(STREET_DAY, CameraMove.STATIC));
        BufferedImage night = Frames.last(exterior(STREET_NIGHT, CameraMove.STATIC));
        double dayTop = Frames.luma(day, 0, 0, 320, 60);
        double nightTop = Frames.luma(night, 0, 0, 320, 60);
        assertTrue(nightTop + 60 < dayTop, "night sky " + nightTop + " vs day sky " + dayTop);
    }

    @Test
    void interiorAndExteriorDifferInComposition() {
        Setting inside = new Setting(Setting.Exposure.INT, "APARTMENT", "DAY");
        Setting outside = new Setting(Setting.Exposure.EXT, "APARTMENT", "DAY");
        BufferedImage in = Frames.last(exterior(inside, CameraMove.STATIC));
        BufferedImage out = Frames.last(exterior(outside, CameraMove.STATIC));
        assertTrue(Frames.meanAbsDiff(in, out) > 15, "interior and exterior look alike");
        // Outdoors by day the top of the frame is sky: blue dominates; indoors it is a wall.
        int sky = out.getRGB(5, 5);
        assertTrue((sky & 0xFF) > ((sky >> 16) & 0xFF) + 30, "exterior top should be blue sky");
        int wall = in.getRGB(5, 5);
        assertTrue((wall & 0xFF) < ((wall >> 16) & 0xFF) + 30, "interior top should not be blue sky");
    }

    @Test
    void titleCardDrawsTitleAndFadesIn() {
        ShotSpec title = shot(640, 360, 24, 3, ShotKind.TITLE, CameraMove.STATIC, KITCHEN, List.of(), "",
                "The Long Goodbye", "Written by\nJane Writer", "");
        List<BufferedImage> frames = Frames.render(title);
        BufferedImage last = frames.get(frames.size() - 1);
        // Text is cream on a dark background: many bright pixels in the middle, none in the margins.
        int bright = 0;
        for (int y = 120; y < 240; y++) {
            for (int x = 100; x < 540; x++) {
                bright += Frames.luma(last.getRGB(x, y)) > 150 ? 1 : 0;
            }
        }
        assertTrue(bright > 1500, "title text pixels: " + bright);
        assertTrue(Frames.luma(last, 40, 300, 120, 330) < 50, "background should be dark");
        ShotSpec untitled = shot(640, 360, 24, 3, ShotKind.TITLE, CameraMove.STATIC, KITCHEN, List.of(), "", "", "", "");
        assertTrue(Frames.meanAbsDiff(last, Frames.last(untitled)) > 2, "title text must show");
        assertTrue(Frames.luma(frames.get(0), 0, 0, 640, 360) < Frames.luma(last, 0, 0, 640, 360) - 5, "fades in");
        assertTrue(Frames.luma(frames.get(0), 0, 0, 640, 360) < 1, "starts from black");
    }

    @Test
    void captionBandDarkensTheBottomOnlyWhenBurned() {
        ShotSpec with = dialogue(1, CameraMove.STATIC);
        BufferedImage burned = Frames.render(with, Overlay.NONE, Captions.BURN).get(0);
        BufferedImage clean = Frames.render(with).get(0);
        // At the left edge (no text) the band darkens the bottom rows.
        assertTrue(Frames.luma(burned, 0, 172, 8, 180) < Frames.luma(clean, 0, 172, 8, 180) - 10, "caption band missing");
        // The top of the frame is untouched by the caption.
        assertEquals(Frames.luma(burned, 0, 40, 320, 100), Frames.luma(clean, 0, 40, 320, 100), 1e-9);
    }

    @Test
    void characterColourIsAFunctionOfTheName() {
        assertEquals(ProceduralRenderer.characterColor("ANNA"), ProceduralRenderer.characterColor("Anna (V.O.)"));
        assertNotEquals(ProceduralRenderer.characterColor("ANNA"), ProceduralRenderer.characterColor("BEN"));
    }

    @Test
    void everyKindAndMoveRendersAtTinyAndFullHdSizes() {
        for (int[] size : new int[][] {{160, 90}, {1920, 1080}}) {
            List<ShotSpec> specs = new ArrayList<>();
            long seed = 0;
            for (ShotKind kind : ShotKind.values()) {
                for (CameraMove move : CameraMove.values()) {
                    Setting setting = seed % 2 == 0 ? KITCHEN : STREET_NIGHT;
                    specs.add(shot(size[0], size[1], 2, seed++, kind, move, setting, TWO, kind == ShotKind.ACTION ? "" : "BEN",
                            "A line of text long enough to wrap around at least once on a small frame.", "(aside)", ""));
                }
            }
            try (ProceduralRenderer r = new ProceduralRenderer()) {
                Iterator<RenderedFrame> it = r.render(specs.iterator());
                for (ShotSpec s : specs) {
                    for (int i = 0; i < s.frames(); i++) {
                        assertTrue(it.hasNext());
                        RenderedFrame f = it.next();
                        assertEquals(s, f.shot());
                        assertEquals(i, f.index());
                        assertEquals(size[0], f.image().getWidth());
                        assertEquals(size[1], f.image().getHeight());
                        assertEquals(BufferedImage.TYPE_3BYTE_BGR, f.image().getType());
                    }
                }
                assertFalse(it.hasNext());
            }
        }
    }

    @Test
    void edgeCasesRender() {
        List<ShotSpec> specs = List.of(
                shot(160, 90, 1, 1, ShotKind.DIALOGUE, CameraMove.PUSH_IN, new Setting(Setting.Exposure.INT_EXT, "", ""),
                        List.of(), "", "", "", ""),
                shot(160, 90, 1, 1, ShotKind.REVERSE, CameraMove.TRACK, STREET_DAY, List.of("SOLO"), "SOLO",
                        "Supercalifragilisticexpialidocioussupercalifragilisticexpialidocious", "", "sepia"),
                shot(200, 120, 3, 1, ShotKind.ACTION, CameraMove.PAN, new Setting(Setting.Exposure.EXT, "DESERT", "LATER"),
                        List.of("A", "B", "C", "D", "E", "F", "G", "H"), "", "Crowd.", "", "pastel"),
                shot(200, 120, 2, 1, ShotKind.TITLE, CameraMove.PAN, KITCHEN, List.of(), "",
                        "An Extraordinarily Long Title That Will Not Fit On One Or Two Or Even Three Lines Of Text", "a\nb\nc\nd\ne",
                        "neon"));
        try (ProceduralRenderer r = new ProceduralRenderer()) {
            int[] n = {0};
            r.render(specs.iterator()).forEachRemaining(f -> n[0]++);
            assertEquals(1 + 1 + 3 + 2, n[0]);
        }
    }

    @Test
    void renderIsLazy() {
        AtomicInteger pulled = new AtomicInteger();
        List<ShotSpec> specs = List.of(dialogue(1, CameraMove.PAN), dialogue(2, CameraMove.PAN), dialogue(3, CameraMove.PAN));
        Iterator<ShotSpec> source = specs.iterator();
        Iterator<ShotSpec> counting = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public ShotSpec next() {
                pulled.incrementAndGet();
                return source.next();
            }
        };
        Iterator<RenderedFrame> frames = new ProceduralRenderer().render(counting);
        assertEquals(0, pulled.get());
        frames.next();
        assertEquals(1, pulled.get());
        for (int i = 1; i < specs.get(0).frames(); i++) {
            frames.next();
        }
        assertEquals(1, pulled.get());
        assertEquals(2, frames.next().shot().seed());
        assertEquals(2, pulled.get());
    }

    @Test
    void writesSamplePngs() throws Exception {
        List<Path> written = new ArrayList<>(RenderSamples.write(480, 270));
        written.addAll(RenderSamples.write(160, 90));
        for (Path p : written) {
            assertTrue(Files.size(p) > 500, p.toString());
        }
    }
}

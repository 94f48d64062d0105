package dev.storyreel.render;

import dev.storyreel.shot.CameraMove;
import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes sample frames to {@code target/render-samples/} for people to look at; also a ms/frame harness. */
final class RenderSamples {

    static final Path DIR = Path.of("target", "render-samples");

    private RenderSamples() {
    }

    /** The sample shots, named. */
    static List<Object[]> samples(int w, int h) {
        List<Object[]> out = new ArrayList<>();
        Setting street = new Setting(Setting.Exposure.EXT, "CITY STREET", "NIGHT");
        Setting park = new Setting(Setting.Exposure.EXT, "CENTRAL PARK", "DAY");
        Setting harbor = new Setting(Setting.Exposure.EXT, "HARBOR", "DUSK");
        Setting desert = new Setting(Setting.Exposure.EXT, "DESERT HIGHWAY", "DAWN");
        Setting farm = new Setting(Setting.Exposure.EXT, "FARMHOUSE", "CONTINUOUS");
        Setting kitchen = new Setting(Setting.Exposure.INT, "KITCHEN", "DAY");
        Setting bedroom = new Setting(Setting.Exposure.INT, "MOTEL ROOM", "NIGHT");
        Setting office = new Setting(Setting.Exposure.INT, "POLICE OFFICE", "DAY");
        Setting bar = new Setting(Setting.Exposure.INT, "DINER", "NIGHT");
        Setting car = new Setting(Setting.Exposure.INT, "TAXI", "EVENING");
        Setting forest = new Setting(Setting.Exposure.EXT, "DARK FOREST", "NIGHT");
        Setting living = new Setting(Setting.Exposure.INT, "APARTMENT - LIVING ROOM", "LATER");
        List<String> two = List.of("ANNA", "BEN");
        out.add(new Object[] {"title", spec(w, h, ShotKind.TITLE, CameraMove.STATIC, street, List.of(), "",
                "The Long Goodbye at Harbor Street", "Written by\nJane Q. Writer\nDraft 3", "")});
        out.add(new Object[] {"establishing-street-night", spec(w, h, ShotKind.ESTABLISHING, CameraMove.PAN, street, two, "",
                "Neon flickers over the wet street.", "", "")});
        out.add(new Object[] {"action-park-day", spec(w, h, ShotKind.ACTION, CameraMove.TRACK, park,
                List.of("ANNA", "BEN", "CLARA"), "", "Anna, Ben and Clara race across the lawn, laughing.", "", "")});
        out.add(new Object[] {"dialogue-kitchen-day", spec(w, h, ShotKind.DIALOGUE, CameraMove.PUSH_IN, kitchen, two, "ANNA",
                "I told you the key was under the mat, not in the flowerpot. Nobody ever listens to me in this house, and I am tired of repeating myself every single morning.",
                "(sighing)", "")});
        out.add(new Object[] {"reverse-kitchen-day", spec(w, h, ShotKind.REVERSE, CameraMove.STATIC, kitchen, two, "ANNA",
                "I told you the key was under the mat.", "", "")});
        out.add(new Object[] {"twoshot-harbor-dusk", spec(w, h, ShotKind.TWO_SHOT, CameraMove.PULL_OUT, harbor, two, "",
                "We should go. / Not yet.", "", "")});
        out.add(new Object[] {"action-desert-dawn", spec(w, h, ShotKind.ACTION, CameraMove.TILT, desert,
                List.of("MARCUS"), "", "Marcus kicks the flat tyre.", "", "")});
        out.add(new Object[] {"establishing-farm", spec(w, h, ShotKind.ESTABLISHING, CameraMove.STATIC, farm, List.of(), "",
                "", "", "")});
        out.add(new Object[] {"dialogue-motel-night-noir", spec(w, h, ShotKind.DIALOGUE, CameraMove.STATIC, bedroom,
                List.of("DETECTIVE", "VERA"), "VERA", "You don't know what you're asking.", "(beat)", "noir")});
        out.add(new Object[] {"action-office-sepia", spec(w, h, ShotKind.ACTION, CameraMove.PAN, office,
                List.of("CHIEF", "DETECTIVE", "VERA", "OFFICER DALE"), "", "The squad room erupts.", "", "sepia")});
        out.add(new Object[] {"twoshot-diner-neon", spec(w, h, ShotKind.TWO_SHOT, CameraMove.STATIC, bar,
                List.of("VERA", "DETECTIVE"), "DETECTIVE", "Coffee. Black.", "", "neon")});
        out.add(new Object[] {"dialogue-taxi-pastel", spec(w, h, ShotKind.DIALOGUE, CameraMove.STATIC, car,
                List.of("ANNA", "DRIVER"), "DRIVER", "Where to, miss?", "", "pastel")});
        out.add(new Object[] {"reverse-forest-night", spec(w, h, ShotKind.REVERSE, CameraMove.TRACK, forest, two, "BEN",
                "Did you hear that?", "(whispering)", "")});
        out.add(new Object[] {"action-living-wes", spec(w, h, ShotKind.ACTION, CameraMove.STATIC, living, two, "",
                "Ben collapses onto the sofa.", "", "wes anderson")});
        out.add(new Object[] {"title-neon", spec(w, h, ShotKind.TITLE, CameraMove.STATIC, street, List.of(), "",
                "NIGHT SHIFT", "by Someone With A Very Long Name Indeed", "neon")});
        return out;
    }

    static ShotSpec spec(int w, int h, ShotKind kind, CameraMove camera, Setting setting, List<String> chars,
                         String speaker, String caption, String sub, String style) {
        return new ShotSpec(w, h, 24, 24, 42L, kind, camera, setting, chars, speaker, caption, sub, style, "");
    }

    /** Writes the last frame of each sample (and the first of moving ones) as PNG. */
    static List<Path> write(int w, int h) throws IOException {
        Files.createDirectories(DIR);
        List<Path> written = new ArrayList<>();
        try (ProceduralRenderer r = new ProceduralRenderer()) {
            for (Object[] s : samples(w, h)) {
                ShotSpec spec = (ShotSpec) s[1];
                Iterator<RenderedFrame> it = r.render(List.of(spec).iterator());
                BufferedImage first = null;
                BufferedImage last = null;
                while (it.hasNext()) {
                    BufferedImage img = it.next().image();
                    if (first == null) {
                        first = img;
                    }
                    last = img;
                }
                Path p = DIR.resolve(s[0] + "-" + w + "x" + h + ".png");
                ImageIO.write(last, "png", p.toFile());
                written.add(p);
                if (spec.camera() != CameraMove.STATIC && spec.kind() != ShotKind.TITLE) {
                    Path f = DIR.resolve(s[0] + "-" + w + "x" + h + "-first.png");
                    ImageIO.write(first, "png", f.toFile());
                    written.add(f);
                }
            }
        }
        written.add(contactSheet(w, h, written));
        return written;
    }

    /** All written samples scaled into one grid image, for a quick look. */
    private static Path contactSheet(int w, int h, List<Path> frames) throws IOException {
        int cols = 3;
        int cw = 426;
        int ch = 240;
        int rows = (frames.size() + cols - 1) / cols;
        BufferedImage sheet = new BufferedImage(cols * cw, rows * ch, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage img = ImageIO.read(frames.get(i).toFile());
            g.drawImage(img, (i % cols) * cw, (i / cols) * ch, cw, ch, null);
        }
        g.dispose();
        Path out = DIR.resolve("contact-sheet-" + w + "x" + h + ".png");
        ImageIO.write(sheet, "png", out.toFile());
        return out;
    }

    /** Prints ms/frame at a few sizes. Run: java -cp ... dev.storyreel.render.RenderSamples [bench]. */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("bench")) {
            bench(640, 360);
            bench(1280, 720);
            bench(1920, 1080);
            return;
        }
        for (Path p : write(1280, 720)) {
            System.out.println(p);
        }
    }

    static void bench(int w, int h) {
        ProceduralRenderer r = new ProceduralRenderer();
        List<ShotSpec> shots = new ArrayList<>();
        for (Object[] s : samples(w, h)) {
            shots.add((ShotSpec) s[1]);
        }
        for (int warm = 0; warm < 4; warm++) {
            r.render(shots.iterator()).forEachRemaining(f -> { });
        }
        for (boolean movingOnly : new boolean[] {false, true}) {
            List<ShotSpec> set = shots.stream().filter(s -> !movingOnly || (s.camera() != CameraMove.STATIC
                    && s.kind() != ShotKind.TITLE)).toList();
            long t0 = System.nanoTime();
            int[] n = {0};
            for (int rep = 0; rep < 3; rep++) {
                r.render(set.iterator()).forEachRemaining(f -> n[0]++);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / n[0];
            System.out.printf("%dx%d %s: %.2f ms/frame over %d frames%n", w, h, movingOnly ? "moving cameras" : "all samples",
                    ms, n[0]);
        }
    }
}

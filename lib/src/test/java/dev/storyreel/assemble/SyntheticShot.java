package dev.storyreel.assemble;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test frames whose content says which shot and which frame they are: the background colour names
 * the shot, a white box moves {@link #STEP} pixels right per frame, and a grey band at the bottom
 * has a brightness that grows with the frame index.
 */
record SyntheticShot(int shot, int width, int height) {

    static final Color[] BACKGROUNDS = {
        new Color(200, 40, 40), new Color(40, 160, 60), new Color(40, 60, 200), new Color(180, 160, 30),
    };
    static final int STEP = 4;
    static final int BOX_W = 40;
    static final int BOX_H = 30;

    BufferedImage frame(int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(background());
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            g.fillRect(boxX(index), boxY(), BOX_W, BOX_H);
            g.setColor(new Color(band(index), band(index), band(index)));
            g.fillRect(0, bandY(), width, height - bandY());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Encodes frames 0 .. frames-1 of this shot into {@code file}. */
    Path encode(Path file, EncoderSettings settings, int frames) throws IOException {
        try (ShotEncoder encoder = new ShotEncoder(file, settings)) {
            for (int i = 0; i < frames; i++) {
                encoder.write(frame(i));
            }
        }
        return file;
    }

    Color background() {
        return BACKGROUNDS[shot % BACKGROUNDS.length];
    }

    int boxX(int index) {
        return 4 + (index * STEP) % (width - BOX_W - 8);
    }

    int boxY() {
        return height / 3;
    }

    int bandY() {
        return height - height / 6;
    }

    /** The grey level of the bottom band in frame {@code index}: 9 levels apart per frame. */
    static int band(int index) {
        return 20 + (index * 9) % 220;
    }
}

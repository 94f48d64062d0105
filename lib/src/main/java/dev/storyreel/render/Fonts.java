package dev.storyreel.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The Liberation fonts bundled on the classpath, loaded once, so text never depends on the machine's fonts. */
final class Fonts {

    static final Font SANS = load("LiberationSans-Regular.ttf");
    static final Font SANS_BOLD = load("LiberationSans-Bold.ttf");
    static final Font SANS_ITALIC = load("LiberationSans-Italic.ttf");
    static final Font SERIF_BOLD = load("LiberationSerif-Bold.ttf");
    static final Font SERIF_ITALIC = load("LiberationSerif-Italic.ttf");
    static final Font MONO = load("LiberationMono-Regular.ttf");

    /** Matches the hints every frame is drawn with: antialiased text, fractional metrics, no transform. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Fonts() {
    }

    /** Advance width of {@code text} in {@code font} as drawn on a frame. */
    static double width(Font font, String text) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    private static Font load(String file) {
        String path = "liberation/" + file;
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: " + path);
            }
            return Font.createFont(Font.TRUETYPE_FONT, new BufferedInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + path, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font " + path, e);
        }
    }
}

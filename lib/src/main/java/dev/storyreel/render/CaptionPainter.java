package dev.storyreel.render;

import dev.storyreel.shot.Setting;
import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text drawn over a shot, untouched by the camera: the subtitle-like caption band (speaker's
 * name, line, italic parenthetical), the small HUD, or the title card's title and credits. Laid out
 * once per shot; {@link #paint} only draws the precomputed plates and strings.
 */
final class CaptionPainter {

    static final int MAX_CAPTION_LINES = 3;
    private static final String ELLIPSIS = "\u2026";

    private record Token(String text, Font font, Color color) {
    }

    private record Run(String text, Font font, Color color, float x, float y) {
    }

    private final List<Shape> plates;
    private final List<Color> plateColors;
    private final List<Run> runs;

    private CaptionPainter(List<Shape> plates, List<Color> plateColors, List<Run> runs) {
        this.plates = List.copyOf(plates);
        this.plateColors = List.copyOf(plateColors);
        this.runs = List.copyOf(runs);
    }

    void paint(Graphics2D g) {
        for (int i = 0; i < plates.size(); i++) {
            g.setColor(plateColors.get(i));
            g.fill(plates.get(i));
        }
        for (Run r : runs) {
            g.setFont(r.font());
            g.setColor(r.color());
            g.drawString(r.text(), r.x(), r.y());
        }
    }

    /** Caption font size for a frame height: legible from 90 to 1080 lines. */
    static float captionSize(int height) {
        return (float) StrictMath.max(8, height * 0.042);
    }

    /** The caption band (when there is a caption) and the HUD (on frames at least 240 high). */
    static CaptionPainter caption(ShotSpec spec, Palette p) {
        double w = spec.width();
        double h = spec.height();
        List<Shape> plates = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        if (h >= 240) {
            hud(spec, w, h, plates, colors, runs);
        }
        String caption = oneLine(spec.caption());
        String sub = oneLine(spec.subcaption());
        if (caption.isEmpty() && sub.isEmpty()) {
            return new CaptionPainter(plates, colors, runs);
        }
        float size = captionSize(spec.height());
        Font regular = Fonts.SANS.deriveFont(size);
        Font bold = Fonts.SANS_BOLD.deriveFont(size);
        Font italic = Fonts.SANS_ITALIC.deriveFont(size * 0.9f);
        double maxW = w * 0.88;
        List<Token> tokens = new ArrayList<>();
        String speaker = FigurePainter.key(spec.speaker());
        // A voice over action or an establishing view is spoken too.
        boolean spoken = spec.kind() == ShotKind.DIALOGUE || spec.kind() == ShotKind.REVERSE
                || spec.kind() == ShotKind.TWO_SHOT || !speaker.isEmpty() && spec.kind() != ShotKind.TITLE;
        if (spoken && !speaker.isEmpty() && !caption.isEmpty()) {
            Color c = Palette.mix(p.graded(FigurePainter.characterColor(speaker)), Color.WHITE, 0.35);
            tokens.add(new Token(speaker + ":", bold, c));
        }
        Color ink = new Color(0xF6F6F2);
        for (String word : caption.split(" ")) {
            if (!word.isEmpty()) {
                tokens.add(new Token(word, regular, ink));
            }
        }
        List<List<Token>> lines = new ArrayList<>();
        if (!sub.isEmpty()) {
            List<Token> subTokens = new ArrayList<>();
            for (String word : sub.split(" ")) {
                if (!word.isEmpty()) {
                    subTokens.add(new Token(word, italic, new Color(0xD4D4CC)));
                }
            }
            lines.addAll(wrap(subTokens, maxW, 1));
        }
        lines.addAll(wrap(tokens, maxW, MAX_CAPTION_LINES));
        double lineH = size * 1.22;
        double pad = size * 0.45;
        double bandH = lines.size() * lineH + 2 * pad;
        plates.add(new Rectangle2D.Double(0, h - bandH, w, bandH));
        colors.add(new Color(0, 0, 0, 150));
        double baseline = h - bandH + pad + size * 0.95;
        for (List<Token> line : lines) {
            layoutLine(line, w / 2, baseline, runs);
            baseline += lineH;
        }
        return new CaptionPainter(plates, colors, runs);
    }

    /** The title card's text: the title large and centred, the credit lines below a rule. */
    static CaptionPainter title(ShotSpec spec, Palette p) {
        double w = spec.width();
        double h = spec.height();
        double maxW = w * 0.84;
        String title = oneLine(spec.caption());
        float size = (float) StrictMath.max(10, h * 0.1);
        List<List<Token>> titleLines = List.of();
        Color ink = p.graded(0xF4ECD8);
        while (true) {
            Font font = Fonts.SERIF_BOLD.deriveFont(size);
            List<Token> tokens = new ArrayList<>();
            boolean tooWide = false;
            for (String word : title.split(" ")) {
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, font, ink));
                    tooWide |= Fonts.width(font, word) > maxW;
                }
            }
            titleLines = wrap(tokens, maxW, 3);
            if ((!tooWide && lineCountUnwrapped(tokens, maxW) <= 3) || size <= StrictMath.max(8, h * 0.045)) {
                break;
            }
            size *= 0.9f;
        }
        float subSize = (float) StrictMath.max(7, h * 0.036);
        Font subFont = Fonts.SERIF_ITALIC.deriveFont(subSize);
        List<List<Token>> subLines = new ArrayList<>();
        for (String raw : spec.subcaption().split("\n")) {
            String line = oneLine(raw);
            if (!line.isEmpty() && subLines.size() < 4) {
                List<Token> tokens = new ArrayList<>();
                for (String word : line.split(" ")) {
                    tokens.add(new Token(word, subFont, p.graded(0xD8CCB0)));
                }
                subLines.addAll(wrap(tokens, maxW, 1));
            }
        }
        double titleLh = size * 1.15;
        double subLh = subSize * 1.45;
        double gap = h * 0.05;
        double total = titleLines.size() * titleLh + (subLines.isEmpty() ? 0 : gap + subLines.size() * subLh);
        double top = h * 0.47 - total / 2;
        List<Shape> plates = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        double baseline = top + size * 0.9;
        for (List<Token> line : titleLines) {
            layoutLine(line, w / 2, baseline, runs);
            baseline += titleLh;
        }
        if (!subLines.isEmpty()) {
            double ruleY = top + titleLines.size() * titleLh + gap * 0.35;
            plates.add(new RoundRectangle2D.Double(w * 0.4, ruleY, w * 0.2, StrictMath.max(1, h * 0.004), h * 0.004, h * 0.004));
            colors.add(p.graded(0xC8A050));
            baseline = ruleY + gap * 0.65 + subSize * 0.9;
            for (List<Token> line : subLines) {
                layoutLine(line, w / 2, baseline, runs);
                baseline += subLh;
            }
        }
        return new CaptionPainter(plates, colors, runs);
    }

    private static void hud(ShotSpec spec, double w, double h, List<Shape> plates, List<Color> colors, List<Run> runs) {
        float size = (float) (h * 0.019);
        Font font = Fonts.MONO.deriveFont(size);
        String heading = fit(heading(spec.setting()), font, w * 0.45);
        String kind = spec.kind().label().replace('_', ' ').toUpperCase(Locale.ROOT) + "  \u00b7  "
                + spec.camera().label().replace('_', ' ').toUpperCase(Locale.ROOT);
        double m = h * 0.02;
        double lh = size * 1.25;
        double tw = StrictMath.max(Fonts.width(font, heading), Fonts.width(font, kind));
        plates.add(new RoundRectangle2D.Double(m, m, tw + size * 1.2, 2 * lh + size * 0.6, size * 0.6, size * 0.6));
        colors.add(new Color(0, 0, 0, 80));
        Color ink = new Color(255, 255, 255, 175);
        runs.add(new Run(heading, font, ink, (float) (m + size * 0.6), (float) (m + size * 0.3 + size)));
        runs.add(new Run(kind, font, ink, (float) (m + size * 0.6), (float) (m + size * 0.3 + size + lh)));
    }

    /** "INT. KITCHEN - NIGHT". */
    static String heading(Setting s) {
        String prefix = switch (s.exposure()) {
            case INT -> "INT.";
            case EXT -> "EXT.";
            case INT_EXT -> "INT./EXT.";
        };
        String out = prefix + " " + s.location().strip();
        return s.timeOfDay().isBlank() ? out : out + " - " + s.timeOfDay().strip();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String fit(String text, Font font, double maxW) {
        if (Fonts.width(font, text) <= maxW) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && Fonts.width(font, t + ELLIPSIS) > maxW) {
            t = t.substring(0, t.length() - 1);
        }
        return t.stripTrailing() + ELLIPSIS;
    }

    private static int lineCountUnwrapped(List<Token> tokens, double maxW) {
        return wrap(tokens, maxW, Integer.MAX_VALUE).size();
    }

    /** Greedy word wrap into at most {@code maxLines}; overflow ends the last line with an ellipsis. */
    private static List<List<Token>> wrap(List<Token> tokens, double maxW, int maxLines) {
        List<List<Token>> lines = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        double curW = 0;
        for (Token t : splitLong(tokens, maxW)) {
            double tw = Fonts.width(t.font(), t.text());
            double sp = cur.isEmpty() ? 0 : Fonts.width(t.font(), " ");
            if (!cur.isEmpty() && curW + sp + tw > maxW) {
                lines.add(cur);
                cur = new ArrayList<>();
                curW = 0;
                sp = 0;
            }
            cur.add(t);
            curW += sp + tw;
        }
        if (!cur.isEmpty()) {
            lines.add(cur);
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<List<Token>> kept = new ArrayList<>(lines.subList(0, maxLines));
        List<Token> last = new ArrayList<>(kept.get(maxLines - 1));
        while (true) {
            Token end = last.get(last.size() - 1);
            List<Token> candidate = new ArrayList<>(last.subList(0, last.size() - 1));
            candidate.add(new Token(end.text() + ELLIPSIS, end.font(), end.color()));
            if (width(candidate) <= maxW || end.text().isEmpty()) {
                last = candidate;
                break;
            }
            if (last.size() > 1) {
                last.remove(last.size() - 1);
            } else {
                last.set(0, new Token(end.text().substring(0, end.text().length() - 1), end.font(), end.color()));
            }
        }
        kept.set(maxLines - 1, last);
        return kept;
    }

    /** Breaks words wider than a line into pieces that fit. */
    private static List<Token> splitLong(List<Token> tokens, double maxW) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            String rest = t.text();
            while (Fonts.width(t.font(), rest) > maxW && rest.length() > 1) {
                int n = rest.length() - 1;
                while (n > 1 && Fonts.width(t.font(), rest.substring(0, n)) > maxW) {
                    n--;
                }
                out.add(new Token(rest.substring(0, n), t.font(), t.color()));
                rest = rest.substring(n);
            }
            out.add(new Token(rest, t.font(), t.color()));
        }
        return out;
    }

    private static double width(List<Token> line) {
        double total = 0;
        for (int i = 0; i < line.size(); i++) {
            Token t = line.get(i);
            total += Fonts.width(t.font(), t.text()) + (i > 0 ? Fonts.width(t.font(), " ") : 0);
        }
        return total;
    }

    private static void layoutLine(List<Token> line, double centreX, double baseline, List<Run> runs) {
        double x = centreX - width(line) / 2;
        for (int i = 0; i < line.size(); i++) {
            Token t = line.get(i);
            if (i > 0) {
                x += Fonts.width(t.font(), " ");
            }
            runs.add(new Run(t.text(), t.font(), t.color(), (float) x, (float) baseline));
            x += Fonts.width(t.font(), t.text());
        }
    }
}

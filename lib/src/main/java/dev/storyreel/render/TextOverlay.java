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
 * The text drawn over a shot, untouched by the camera, and only where asked: the technical label
 * (heading, shot kind, camera, set) and name tags with {@link Overlay#LABEL}, the caption band with
 * {@link Captions#BURN}, and a title card's title and credits always. Everything sits inside the
 * title-safe area, wraps instead of truncating and shrinks to fit; laid out once per shot.
 */
final class TextOverlay {

    /** One drawn string. */
    private record Run(String text, Font font, Color color, float x, float y) {
    }

    /** A word in a font and colour, before line breaking. */
    private record Token(String text, Font font, Color color) {
    }

    private final List<Shape> plates = new ArrayList<>();
    private final List<Color> plateColors = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();
    private final List<ShotLayout.Region> regions = new ArrayList<>();

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

    List<ShotLayout.Region> regions() {
        return List.copyOf(regions);
    }

    /** The title-safe area of a w x h frame: the middle 90% each way. */
    static Rectangle2D safe(double w, double h) {
        return new Rectangle2D.Double(w * CastPainter.SAFE, h * CastPainter.SAFE, w * (1 - 2 * CastPainter.SAFE),
                h * (1 - 2 * CastPainter.SAFE));
    }

    /** The overlay of a shot with figures (label, name tags, caption band as asked). */
    static TextOverlay shot(ShotSpec spec, Palette p, String setId, List<Figure> figures, Overlay overlay, Captions captions,
                            String caption) {
        TextOverlay o = new TextOverlay();
        double w = spec.width();
        double h = spec.height();
        Rectangle2D safe = safe(w, h);
        double captionTop = safe.getMaxY();
        if (captions == Captions.BURN) {
            captionTop = o.captionBand(spec, p, caption, safe);
        }
        if (overlay == Overlay.LABEL) {
            Rectangle2D label = o.label(spec, setId, safe);
            List<Rectangle2D> taken = new ArrayList<>();
            taken.add(label);
            for (Figure f : figures) {
                if (!f.back()) {
                    o.nameTag(f, p, safe, captionTop, taken, h);
                }
            }
        }
        return o;
    }

    /** The base size of overlay text for a frame: legible from 90 to 2160 lines in every aspect. */
    static float textSize(double w, double h) {
        return (float) StrictMath.max(7, StrictMath.min(h, w * 1.25) * 0.042);
    }

    private double captionBand(ShotSpec spec, Palette p, String caption, Rectangle2D safe) {
        String line = oneLine(caption);
        String sub = spec.kind() == ShotKind.TITLE ? "" : oneLine(spec.subcaption());
        double w = spec.width();
        double h = spec.height();
        if (line.isEmpty() && sub.isEmpty()) {
            return safe.getMaxY();
        }
        String speaker = CastPainter.key(spec.speaker());
        boolean spoken = spec.kind() == ShotKind.DIALOGUE || spec.kind() == ShotKind.REVERSE || spec.kind() == ShotKind.TWO_SHOT;
        float size = textSize(w, h) * 1.15f;
        double maxW = safe.getWidth();
        List<List<Token>> lines;
        float min = (float) StrictMath.max(6, size * 0.6);
        while (true) {
            List<Token> tokens = new ArrayList<>();
            if (spoken && !speaker.isEmpty() && !line.isEmpty()) {
                Color c = Palette.mix(p.graded(new Color(CastPainter.nameColour(speaker))), Color.WHITE, 0.45);
                tokens.add(new Token(speaker + ":", Fonts.SANS_BOLD.deriveFont(size), c));
            }
            for (String word : line.split(" ")) {
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, Fonts.SANS.deriveFont(size), Color.WHITE));
                }
            }
            lines = new ArrayList<>();
            if (!sub.isEmpty()) {
                List<Token> st = new ArrayList<>();
                for (String word : sub.split(" ")) {
                    st.add(new Token(word, Fonts.SANS_ITALIC.deriveFont(size * 0.9f), new Color(0xD4D4CC)));
                }
                lines.addAll(wrap(st, maxW));
            }
            lines.addAll(wrap(tokens, maxW));
            if (lines.size() <= 3 || size <= min) {
                break;
            }
            size = StrictMath.max(min, size * 0.9f);
        }
        double lineH = size * 1.22;
        double pad = size * 0.4;
        double textH = lines.size() * lineH;
        double bottom = safe.getMaxY();
        double top = StrictMath.max(safe.getY(), bottom - textH - pad);
        plates.add(new Rectangle2D.Double(0, top - pad, w, h - top + pad));
        plateColors.add(new Color(0, 0, 0, 160));
        double baseline = top + size * 0.95;
        for (List<Token> l : lines) {
            layoutLine(l, w / 2, baseline);
            baseline += lineH;
        }
        regions.add(new ShotLayout.Region(ShotLayout.Region.Kind.CAPTION, "",
                new Rectangle2D.Double(safe.getX(), top - pad * 0.5, safe.getWidth(), bottom - top + pad * 0.5)));
        return top - pad;
    }

    private Rectangle2D label(ShotSpec spec, String setId, Rectangle2D safe) {
        double w = spec.width();
        double h = spec.height();
        float size = (float) StrictMath.max(6, textSize(w, h) * 0.5);
        Font font = Fonts.MONO.deriveFont(size);
        String kind = spec.kind().label().replace('_', ' ').toUpperCase(Locale.ROOT) + " \u00b7 "
                + spec.camera().label().replace('_', ' ').toUpperCase(Locale.ROOT) + " \u00b7 " + setId.toUpperCase(Locale.ROOT);
        double maxW = safe.getWidth() * 0.7;
        List<List<Token>> lines = new ArrayList<>();
        for (String text : new String[] {heading(spec.setting()), kind}) {
            List<Token> tokens = new ArrayList<>();
            for (String word : text.split(" ")) {
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, font, new Color(255, 255, 255, 215)));
                }
            }
            lines.addAll(wrap(tokens, maxW));
        }
        double lh = size * 1.25;
        double tw = 0;
        for (List<Token> l : lines) {
            tw = StrictMath.max(tw, width(l));
        }
        double pad = size * 0.5;
        Rectangle2D box = new Rectangle2D.Double(safe.getX(), safe.getY(), tw + 2 * pad, lines.size() * lh + pad);
        plates.add(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), size * 0.6, size * 0.6));
        plateColors.add(new Color(0, 0, 0, 150));
        double baseline = box.getY() + pad * 0.5 + size;
        for (List<Token> l : lines) {
            double x = box.getX() + pad;
            for (int i = 0; i < l.size(); i++) {
                Token t = l.get(i);
                if (i > 0) {
                    x += Fonts.width(t.font(), " ");
                }
                runs.add(new Run(t.text(), t.font(), t.color(), (float) x, (float) baseline));
                x += Fonts.width(t.font(), t.text());
            }
            baseline += lh;
        }
        regions.add(new ShotLayout.Region(ShotLayout.Region.Kind.LABEL, "", box));
        return box;
    }

    private void nameTag(Figure f, Palette p, Rectangle2D safe, double captionTop, List<Rectangle2D> taken, double h) {
        Rectangle2D face = f.faceBox(0.5);
        float size = (float) StrictMath.max(6, StrictMath.min(textSize(safe.getWidth(), h) * 0.75, f.height() * 0.05));
        Font font = Fonts.SANS_BOLD.deriveFont(size);
        String text = f.look().name();
        while (Fonts.width(font, text) + size > safe.getWidth() && size > 4) {
            size *= 0.9f;
            font = Fonts.SANS_BOLD.deriveFont(size);
        }
        double tw = Fonts.width(font, text);
        double padX = size * 0.45;
        double padY = size * 0.28;
        double bw = tw + 2 * padX;
        double bh = size + 2 * padY;
        double x = StrictMath.max(safe.getX(), StrictMath.min(safe.getMaxX() - bw, face.getCenterX() - bw / 2));
        double y = StrictMath.max(safe.getY(), face.getY() - bh - size * 0.3);
        Rectangle2D box = new Rectangle2D.Double(x, y, bw, bh);
        for (int tries = 0; tries < 40 && hits(box, taken); tries++) {
            y += bh * 0.6;
            if (y + bh > captionTop) {
                y = safe.getY();
                x = StrictMath.min(safe.getMaxX() - bw, x + bw * 0.6);
            }
            box = new Rectangle2D.Double(x, y, bw, bh);
        }
        taken.add(box);
        plates.add(new RoundRectangle2D.Double(box.getX(), box.getY(), bw, bh, size * 0.5, size * 0.5));
        plateColors.add(Palette.alpha(Palette.shade(p.graded(new Color(f.look().top())), 0.5), 225));
        runs.add(new Run(text, font, p.graded(0xFFFFFF), (float) (x + padX), (float) (y + padY + size * 0.8)));
        regions.add(new ShotLayout.Region(ShotLayout.Region.Kind.NAME_TAG, text, box));
    }

    private static boolean hits(Rectangle2D box, List<Rectangle2D> taken) {
        for (Rectangle2D r : taken) {
            if (r.intersects(box)) {
                return true;
            }
        }
        return false;
    }

    /** The title card's text: the title large and centred, the credit lines below a rule. */
    static TextOverlay title(ShotSpec spec, Palette p, Overlay overlay) {
        TextOverlay o = new TextOverlay();
        double w = spec.width();
        double h = spec.height();
        Rectangle2D safe = safe(w, h);
        double maxW = safe.getWidth() * 0.92;
        String title = oneLine(spec.caption());
        float size = (float) StrictMath.max(10, StrictMath.min(h, w * 1.2) * 0.1);
        Color ink = p.graded(0xF4ECD8);
        List<List<Token>> titleLines;
        while (true) {
            List<Token> tokens = new ArrayList<>();
            for (String word : title.split(" ")) {
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, Fonts.SERIF_BOLD.deriveFont(size), ink));
                }
            }
            titleLines = wrap(tokens, maxW);
            if (titleLines.size() <= 3 || size <= 7) {
                break;
            }
            size *= 0.9f;
        }
        float subSize = (float) StrictMath.max(7, size * 0.36);
        List<List<Token>> subLines = new ArrayList<>();
        for (String raw : spec.subcaption().split("\n")) {
            String line = oneLine(raw);
            if (!line.isEmpty()) {
                List<Token> tokens = new ArrayList<>();
                for (String word : line.split(" ")) {
                    tokens.add(new Token(word, Fonts.SERIF_ITALIC.deriveFont(subSize), p.graded(0xD8CCB0)));
                }
                subLines.addAll(wrap(tokens, maxW));
            }
        }
        double titleLh = size * 1.15;
        double subLh = subSize * 1.45;
        double gap = h * 0.05;
        double total = titleLines.size() * titleLh + (subLines.isEmpty() ? 0 : gap + subLines.size() * subLh);
        double top = StrictMath.max(safe.getY(), h * 0.47 - total / 2);
        double baseline = top + size * 0.9;
        for (List<Token> line : titleLines) {
            o.layoutLine(line, w / 2, baseline);
            baseline += titleLh;
        }
        if (!subLines.isEmpty()) {
            double ruleY = top + titleLines.size() * titleLh + gap * 0.35;
            o.plates.add(new Rectangle2D.Double(w * 0.4, ruleY, w * 0.2, StrictMath.max(1, h * 0.004)));
            o.plateColors.add(p.graded(0xC8A050));
            baseline = ruleY + gap * 0.65 + subSize * 0.9;
            for (List<Token> line : subLines) {
                o.layoutLine(line, w / 2, baseline);
                baseline += subLh;
            }
        }
        o.regions.add(new ShotLayout.Region(ShotLayout.Region.Kind.TITLE, "",
                new Rectangle2D.Double(safe.getX(), top, safe.getWidth(), total)));
        if (overlay == Overlay.LABEL) {
            o.label(spec, "title_card", safe);
        }
        return o;
    }

    /** "INT. KITCHEN - NIGHT". */
    static String heading(Setting s) {
        String prefix = switch (s.exposure()) {
            case INT -> "INT.";
            case EXT -> "EXT.";
            case INT_EXT -> "INT./EXT.";
        };
        String place = s.location().strip() + (s.subLocation().isBlank() ? "" : " - " + s.subLocation().strip());
        String out = prefix + " " + place;
        return s.timeOfDay().isBlank() ? out : out + " - " + s.timeOfDay().strip();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Greedy word wrap; words wider than a line are broken into pieces that fit. Never drops text. */
    private static List<List<Token>> wrap(List<Token> tokens, double maxW) {
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
        return lines;
    }

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

    private void layoutLine(List<Token> line, double centreX, double baseline) {
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

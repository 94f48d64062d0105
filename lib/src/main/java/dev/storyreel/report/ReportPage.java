package dev.storyreel.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the run report as one self-contained HTML page (inline style and script, images and
 * videos by relative path, no external URL), from a small template resource. All text is escaped.
 */
public final class ReportPage {
    private static final String TEMPLATE = template();

    private ReportPage() {
    }

    /** The page for this model. */
    public static String html(ReportModel model) {
        StringBuilder body = new StringBuilder();
        body.append("<section class=\"run\"><h2>Run</h2><table class=\"facts\">");
        for (ReportModel.Fact f : model.facts()) {
            body.append("<tr><th>").append(esc(f.name())).append("</th><td>").append(esc(f.value())).append("</td></tr>");
        }
        body.append("</table><table class=\"stages\"><tr><th>stage</th><th>seconds</th></tr>");
        for (ReportModel.Fact s : model.stages()) {
            body.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(esc(s.value())).append("</td></tr>");
        }
        body.append("</table></section>\n");
        if (!model.deliveries().isEmpty()) {
            deliveries(body, model.deliveries());
        }
        body.append("<nav class=\"films\">");
        for (ReportModel.Film f : model.films()) {
            body.append("<a href=\"#").append(esc(f.anchor())).append("\" class=\"").append(esc(f.status())).append("\">")
                    .append(esc(f.id())).append(ReportModel.MAIN.equals(f.variant()) ? "" : " / " + esc(f.variant()))
                    .append("</a> ");
        }
        body.append("</nav>\n");
        for (ReportModel.Film f : model.films()) {
            film(body, f);
        }
        return TEMPLATE.replace("{{title}}", esc(model.title())).replace("{{body}}", body.toString());
    }

    private static void deliveries(StringBuilder b, List<ReportModel.Delivery> deliveries) {
        b.append("<section class=\"qc\"><h2>Delivery QC</h2><table class=\"qc\"><tr><th>deliverable</th><th>QC</th>"
                + "<th>measured</th><th>reasons</th></tr>\n");
        for (ReportModel.Delivery d : deliveries) {
            b.append("<tr class=\"").append(esc(d.status())).append("\"><td>").append(esc(d.name())).append("</td><td>")
                    .append(esc(d.status())).append("</td><td>");
            for (ReportModel.Fact f : d.figures()) {
                b.append(esc(f.name())).append(' ').append(esc(f.value())).append("<br>");
            }
            b.append("</td><td>");
            for (String r : d.reasons()) {
                b.append(esc(r)).append("<br>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table></section>\n");
    }

    private static void film(StringBuilder b, ReportModel.Film f) {
        b.append("<section class=\"film ").append(esc(f.status())).append("\" id=\"").append(esc(f.anchor()))
                .append("\" data-film=\"").append(esc(f.id())).append("\" data-variant=\"").append(esc(f.variant()))
                .append("\" data-shots=\"").append(f.shots().size()).append("\">\n");
        b.append("<h2>").append(esc(f.title().isBlank() ? f.id() : f.title())).append(" <small>").append(esc(f.id()))
                .append(ReportModel.MAIN.equals(f.variant()) ? "" : " · " + esc(f.variant()))
                .append(" · ").append(esc(f.status())).append("</small></h2>\n");
        b.append("<p class=\"summary\">").append(esc(f.summary())).append("</p>\n");
        if (f.error() != null) {
            ReportModel.Error e = f.error();
            b.append("<p class=\"error\"><code>").append(esc(e.file())).append(e.line() > 0 ? ":" + e.line() : "")
                    .append("</code> ").append(esc(e.message())).append("</p>\n");
        }
        if (!f.bible().isEmpty()) {
            b.append("<div class=\"bible\"><h3>Characters</h3>")
                    .append("<table class=\"bible\"><tr><th>name</th><th>descriptor</th><th>first line</th></tr>\n");
            for (ReportModel.Character c : f.bible()) {
                b.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(c.descriptor()))
                        .append("</td><td>").append(esc(c.firstLine())).append("</td></tr>\n");
            }
            b.append("</table></div>\n");
        }
        if (f.video() != null || f.poster() != null) {
            b.append("<div class=\"player\">");
            if (f.poster() != null) {
                b.append("<img class=\"poster\" alt=\"poster of ").append(esc(f.id())).append("\" src=\"").append(esc(f.poster())).append("\">");
            }
            if (f.video() != null) {
                b.append("<video controls preload=\"metadata\" src=\"").append(esc(f.video())).append("\"");
                if (f.poster() != null) {
                    b.append(" poster=\"").append(esc(f.poster())).append("\"");
                }
                b.append("></video>");
            }
            b.append("</div>\n");
        }
        if (!f.shots().isEmpty()) {
            timeline(b, f);
            b.append("<div class=\"sheet\">\n");
            for (ReportModel.Shot s : f.shots()) {
                b.append("<figure class=\"shot\" title=\"").append(esc(s.heading())).append("\">");
                if (s.thumb() != null) {
                    b.append("<img class=\"thumb\" loading=\"eager\" alt=\"scene ").append(esc(s.sceneLabel())).append(" shot ")
                            .append(s.shot()).append("\" src=\"").append(esc(s.thumb())).append("\">");
                } else {
                    b.append("<div class=\"nothumb\">no frame</div>");
                }
                b.append("<figcaption>").append(esc(s.sceneLabel())).append('.').append(s.shot()).append(" · ")
                        .append(esc(s.camera())).append(" · ").append(seconds(s.durationS())).append("</figcaption></figure>\n");
            }
            b.append("</div>\n");
        }
        b.append("</section>\n");
    }

    /** Scenes as blocks as wide as their share of the film, each split into its shots. */
    private static void timeline(StringBuilder b, ReportModel.Film f) {
        double total = f.shots().stream().mapToDouble(ReportModel.Shot::durationS).sum();
        Map<String, List<ReportModel.Shot>> scenes = new LinkedHashMap<>();
        for (ReportModel.Shot s : f.shots()) {
            scenes.computeIfAbsent(s.scene() + "\u0000" + s.sceneLabel(), k -> new ArrayList<>()).add(s);
        }
        b.append("<div class=\"timeline\">");
        for (List<ReportModel.Shot> shots : scenes.values()) {
            double d = shots.stream().mapToDouble(ReportModel.Shot::durationS).sum();
            ReportModel.Shot first = shots.get(0);
            b.append("<div class=\"scene\" style=\"flex-grow:").append(pct(d, total)).append("\" title=\"scene ")
                    .append(esc(first.sceneLabel())).append(": ").append(esc(first.heading())).append(", ").append(seconds(d))
                    .append("\"><span>").append(esc(first.sceneLabel())).append("</span><div class=\"shots\">");
            for (ReportModel.Shot s : shots) {
                b.append("<i style=\"flex-grow:").append(pct(s.durationS(), total)).append("\" title=\"")
                        .append(esc(s.sceneLabel())).append('.').append(s.shot()).append(' ').append(esc(s.kind())).append(", ")
                        .append(esc(s.camera())).append(", ").append(seconds(s.durationS())).append("\"></i>");
            }
            b.append("</div></div>");
        }
        b.append("</div>\n");
    }

    private static String pct(double part, double total) {
        return String.format(Locale.ROOT, "%.3f", total > 0 ? 100 * part / total : 1);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String template() {
        try (InputStream in = ReportPage.class.getResourceAsStream("report.html")) {
            if (in == null) {
                throw new IllegalStateException("report.html template missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.storyreel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {

    @Test
    void escapesScreenplayTextAndShowsOneThumbnailPerShot() {
        String evil = "<script>alert('x')</script> & \"q\"";
        ReportModel.Film ok = new ReportModel.Film("a", evil, "ok", "1 scene", "../films/a.mp4", "thumbs/a/poster.jpg", 3,
                List.of(new ReportModel.Shot(1, "1", 1, "wide", "static", 1.5, evil, "thumbs/a/1-1.jpg"),
                        new ReportModel.Shot(1, "1", 2, "close", "push_in", 1.5, "ROOM - DAY", "thumbs/a/1-2.jpg")),
                null);
        ReportModel.Film bad = new ReportModel.Film("b", "B", "failed", "", null, null, 0, List.of(),
                new ReportModel.Error("b.fountain", 5, evil));
        String html = ReportPage.html(new ReportModel("run", List.of(new ReportModel.Fact("k", evil)),
                List.of(new ReportModel.Fact("render", "1.0")), List.of(ok, bad)));
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), html);
        assertEquals(2, html.split("<img class=\"thumb\"", -1).length - 1);
        assertTrue(html.contains("<video controls preload=\"metadata\" src=\"../films/a.mp4\""));
        assertTrue(html.contains("<code>b.fountain:5</code>"));
        assertFalse(html.contains("{{"), "every placeholder filled");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external URL");
    }

    @Test
    void deliveryQcIsOneEscapedRowPerDeliverable() {
        String evil = "<b>a.srt</b>: a line of 51 characters";
        ReportModel model = new ReportModel("run", List.of(), List.of(), List.of(), List.of(
                new ReportModel.Delivery("a / main", "fail", List.of(new ReportModel.Fact("integrated_lufs", "-23.1")),
                        List.of(evil)),
                new ReportModel.Delivery("trailer a", "pass", List.of(), List.of())));
        String html = ReportPage.html(model);
        assertTrue(html.contains("<h2>Delivery QC</h2>"), html);
        assertEquals(2, html.split("<tr class=\"(pass|fail)\">", -1).length - 1, html);
        assertTrue(html.contains("&lt;b&gt;a.srt&lt;/b&gt;: a line of 51 characters"), html);
        assertTrue(html.contains("integrated_lufs -23.1"), html);
        assertFalse(ReportPage.html(new ReportModel("run", List.of(), List.of(), List.of())).contains("Delivery QC"));
    }
}

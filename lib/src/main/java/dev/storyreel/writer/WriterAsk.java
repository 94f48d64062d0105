package dev.storyreel.writer;

import java.util.Objects;

/**
 * What one film asks of the writers' room.
 *
 * @param filmId      the film the screenplay is for
 * @param title       the catalogue's title ("" to let the writer choose)
 * @param logline     the logline, or "" for a brief
 * @param brief       the ad brief, or null for a logline
 * @param pages       the page budget (about a minute a page)
 * @param seed        the film's seed (sent to the endpoint and part of the reuse key)
 * @param alternative which alternative script of a brief this is (1-based; 1 for a logline)
 * @param of          how many alternatives the brief asks for
 */
public record WriterAsk(String filmId, String title, String logline, Brief brief, double pages, long seed,
                        int alternative, int of) {
    public WriterAsk {
        Objects.requireNonNull(filmId, "filmId");
        title = Objects.requireNonNullElse(title, "");
        logline = Objects.requireNonNullElse(logline, "");
        if (logline.isBlank() == (brief == null)) {
            throw new IllegalArgumentException("a writer's ask has a logline or a brief");
        }
    }
}

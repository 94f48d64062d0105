package dev.storyreel.remote;

import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.util.List;

/**
 * What rendering some shots remotely will ask for and cost, from the model profile: one job per shot that
 * is not a title card, at the snapped size and length.
 *
 * @param jobs    jobs to submit
 * @param seconds seconds of video asked for
 * @param cost    their price
 * @param frames  frames asked for
 */
public record RemoteQuote(long jobs, double seconds, double cost, long frames) implements java.io.Serializable {

    /** Nothing to render. */
    public static final RemoteQuote NONE = new RemoteQuote(0, 0, 0, 0);

    /** The quote for these distinct shots. */
    public static RemoteQuote of(ModelProfile profile, List<ShotSpec> shots) {
        Total t = new Total();
        for (ShotSpec s : shots) {
            t.add(of(profile, s.kind(), s.width(), s.height(), s.frames(), s.fps()));
        }
        return t.quote();
    }

    /** The quote for one distinct shot of this kind and shape (none for a title card). */
    public static RemoteQuote of(ModelProfile profile, ShotKind kind, int width, int height, int frames, int fps) {
        if (kind == ShotKind.TITLE) {
            return NONE;
        }
        ModelProfile.Shape shape = profile.request(width, height, frames, fps);
        return new RemoteQuote(1, shape.frames() / (double) shape.fps(), profile.price(shape), shape.frames());
    }

    /**
     * A sum of quotes that is exact, so the same whatever order its parts come in (Spark tasks finish in
     * any order): the figures are added as decimals and rounded once, by {@link #quote()}.
     */
    public static final class Total implements java.io.Serializable {
        private long jobs;
        private long frames;
        private java.math.BigDecimal seconds = java.math.BigDecimal.ZERO;
        private java.math.BigDecimal cost = java.math.BigDecimal.ZERO;

        /** Adds one quote. */
        public Total add(RemoteQuote q) {
            jobs += q.jobs;
            frames += q.frames;
            seconds = seconds.add(new java.math.BigDecimal(q.seconds));
            cost = cost.add(new java.math.BigDecimal(q.cost));
            return this;
        }

        /** Adds another total. */
        public Total merge(Total o) {
            jobs += o.jobs;
            frames += o.frames;
            seconds = seconds.add(o.seconds);
            cost = cost.add(o.cost);
            return this;
        }

        /** The sum, rounded once. */
        public RemoteQuote quote() {
            return new RemoteQuote(jobs, seconds.doubleValue(), cost.doubleValue(), frames);
        }
    }
}

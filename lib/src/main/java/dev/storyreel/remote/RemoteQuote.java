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
public record RemoteQuote(long jobs, double seconds, double cost, long frames) {

    /** The quote for these distinct shots. */
    public static RemoteQuote of(ModelProfile profile, List<ShotSpec> shots) {
        long jobs = 0;
        long frames = 0;
        double seconds = 0;
        double cost = 0;
        for (ShotSpec s : shots) {
            if (s.kind() == ShotKind.TITLE) {
                continue;
            }
            ModelProfile.Shape shape = profile.request(s.width(), s.height(), s.frames(), s.fps());
            jobs++;
            frames += shape.frames();
            seconds += shape.frames() / (double) shape.fps();
            cost += profile.price(shape);
        }
        return new RemoteQuote(jobs, seconds, cost, frames);
    }
}

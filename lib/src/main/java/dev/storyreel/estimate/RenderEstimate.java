package dev.storyreel.estimate;

import java.util.Locale;

/**
 * The estimated render of a plan: frame cost scaled to the planned frames and spread over the
 * workers; worker-hours times the price per hour gives money.
 *
 * @param method          {@code calibration} or {@code figure}
 * @param detail          where the frame cost comes from
 * @param secondsPerFrame worker-seconds per frame
 * @param unit            {@code core} or {@code GPU}
 * @param workers         workers rendering at once
 * @param frames          frames to render
 * @param renderSeconds   estimated wall-clock seconds of the render stage
 * @param workerHours     core-hours or GPU-hours
 * @param pricePerHour    price of a worker-hour, or null
 * @param cost            estimated cost, or null without a price
 * @param currency        the price's currency
 */
public record RenderEstimate(String method, String detail, double secondsPerFrame, String unit, int workers, long frames,
                             double renderSeconds, double workerHours, Double pricePerHour, Double cost, String currency) {

    /** Scales a frame cost to a number of frames on a number of workers. */
    public static RenderEstimate of(FrameCost cost, long frames, int workers, Double pricePerHour, String currency) {
        int w = Math.max(1, workers);
        double workSeconds = cost.secondsPerFrame() * frames;
        double hours = workSeconds / 3600;
        return new RenderEstimate(cost.method(), cost.detail(), cost.secondsPerFrame(), cost.unit(), w, frames,
                workSeconds / w, hours, pricePerHour, pricePerHour == null ? null : hours * pricePerHour, currency);
    }

    /** The same estimate for a part of the frames (one film). */
    public RenderEstimate part(long partFrames) {
        return of(new FrameCost(method, secondsPerFrame, unit, detail), partFrames, workers, pricePerHour, currency);
    }

    /** The cost as text: "USD 0.12", or "n/a" without a price. */
    public String costText() {
        if (cost == null) {
            return "n/a";
        }
        return cost > 0 && cost < 0.01 ? currency + " <0.01" : String.format(Locale.ROOT, "%s %.2f", currency, cost);
    }
}

package dev.storyreel.remote;

/**
 * The remote block of a run's report.
 *
 * @param requests         HTTP requests sent (every try)
 * @param retries          requests sent again after a refusal, a 5xx, a timeout or a dropped connection, plus
 *                         jobs submitted again after a failed job or an unusable result
 * @param jobsSubmitted    jobs submitted (each one paid for)
 * @param jobsReused       shots whose job was found in the ledger and polled instead of submitted
 * @param secondsGenerated seconds of video the submitted jobs asked for
 * @param cost             their price from the model profile
 */
public record RemoteTotals(long requests, long retries, long jobsSubmitted, long jobsReused, double secondsGenerated,
                           double cost) implements java.io.Serializable {

    /** Nothing done. */
    public static final RemoteTotals NONE = new RemoteTotals(0, 0, 0, 0, 0, 0);

    /** The sum of two counts. */
    public RemoteTotals plus(RemoteTotals o) {
        return new RemoteTotals(requests + o.requests, retries + o.retries, jobsSubmitted + o.jobsSubmitted,
                jobsReused + o.jobsReused, secondsGenerated + o.secondsGenerated, cost + o.cost);
    }
}

package dev.storyreel.jobs.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Packs shots into render tasks balanced by frames: shots stay in plan order (a film's shots land
 * in few tasks, so few frames files), each task takes consecutive shots up to an even share of the
 * frames, a shot longer than a share is a task of its own; tasks come back longest first, so the
 * longest work starts first and no slot waits on a straggler at the end.
 */
public final class RenderBins {
    private RenderBins() {
    }

    /** Splits {@code items} (in order) into about {@code tasks} bins of similar total frames. */
    public static <T> List<List<T>> pack(List<T> items, int tasks, ToLongFunction<T> frames) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be positive: " + tasks);
        }
        long total = 0;
        for (T t : items) {
            total += frames.applyAsLong(t);
        }
        long share = Math.max(1, (total + tasks - 1) / tasks);
        List<List<T>> bins = new ArrayList<>();
        List<T> bin = new ArrayList<>();
        long size = 0;
        for (T t : items) {
            long f = frames.applyAsLong(t);
            if (!bin.isEmpty() && size + f > share && size + f / 2 > share) {
                bins.add(bin);
                bin = new ArrayList<>();
                size = 0;
            }
            bin.add(t);
            size += f;
        }
        if (!bin.isEmpty()) {
            bins.add(bin);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            order.add(i);
        }
        List<Long> sizes = bins.stream().map(b -> b.stream().mapToLong(frames).sum()).toList();
        // Longest first; ties keep plan order (a stable sort), so the packing is deterministic.
        order.sort(Comparator.comparing((Integer i) -> -sizes.get(i)));
        List<List<T>> out = new ArrayList<>();
        order.forEach(i -> out.add(bins.get(i)));
        return out;
    }
}

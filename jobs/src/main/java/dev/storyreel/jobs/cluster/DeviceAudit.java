package dev.storyreel.jobs.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.TaskContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spark plugin that records, from inside every task, which stage of the run it belongs to and
 * which GPU it holds; the driver tallies them per stage and executor ({@code devices.json}).
 */
public final class DeviceAudit implements SparkPlugin {
    /** Local property naming the run's stage (plan, render, assemble) of the jobs that follow. */
    public static final String STAGE = "storyreel.stage";

    /** What one task saw when it started. */
    public record TaskSeen(String stage, String executor, String device) implements Serializable {
    }

    /** Per stage: tasks, tasks holding a GPU, and the devices each executor's tasks held. */
    public record Tally(long tasks, long tasksWithGpu, Map<String, TreeSet<String>> devicesByExecutor) {
    }

    private static final Map<String, Tally> TALLY = new TreeMap<>();
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAudit.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public DriverPlugin driverPlugin() {
        return new DriverPlugin() {
            @Override
            public Object receive(Object message) {
                if (message instanceof TaskSeen seen) {
                    record(seen);
                }
                return Boolean.TRUE;
            }
        };
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            private PluginContext context;

            @Override
            public void init(PluginContext ctx, Map<String, String> extraConf) {
                context = ctx;
            }

            @Override
            public void onTaskStart() {
                TaskContext tc = TaskContext.get();
                String stage = tc == null ? null : tc.getLocalProperty(STAGE);
                try {
                    context.ask(new TaskSeen(stage == null ? "other" : stage, context.executorID(), TaskDevice.label()));
                } catch (Exception e) {
                    LOG.warn("device audit: cannot report task to the driver: {}", e.toString());
                }
            }
        };
    }

    private static synchronized void record(TaskSeen seen) {
        Tally t = TALLY.getOrDefault(seen.stage(), new Tally(0, 0, new TreeMap<>()));
        t.devicesByExecutor().computeIfAbsent(seen.executor(), k -> new TreeSet<>()).add(seen.device());
        TALLY.put(seen.stage(), new Tally(t.tasks() + 1, t.tasksWithGpu() + (seen.device().startsWith("gpu:") ? 1 : 0),
                t.devicesByExecutor()));
    }

    /** The tally so far as JSON: {@code {stage: {tasks, tasks_with_gpu, devices_by_executor}}}. */
    public static synchronized byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(TALLY);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Forgets the tally (a new run in the same driver). */
    public static synchronized void reset() {
        TALLY.clear();
    }
}

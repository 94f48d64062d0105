package dev.storyreel.jobs;

import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/** The accelerator the running Spark task holds: {@code gpu:<address>} from its resource profile, or {@code cpu}. */
final class TaskDevice {
    static final String CPU = "cpu";

    private TaskDevice() {
    }

    /** The current task's GPU address(es) as {@code gpu:1} (several joined by {@code +}), else {@code cpu}. */
    static String current() {
        TaskContext tc = TaskContext.get();
        if (tc == null) {
            return CPU;
        }
        ResourceInformation gpu = tc.resourcesJMap().get("gpu");
        return gpu == null || gpu.addresses().length == 0 ? CPU : "gpu:" + String.join("+", gpu.addresses());
    }
}

package dev.storyreel.jobs.cluster;

import dev.storyreel.render.diffusion.Device;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/** The accelerator the running Spark task holds, from its resource profile: what to render on, and its label. */
public final class TaskDevice {
    public static final String CPU = "cpu";

    private TaskDevice() {
    }

    /** The device the running task should render on: its first GPU, the CPU when none (or outside a task). */
    public static Device current() {
        TaskContext tc = TaskContext.get();
        return tc == null ? Device.CPU : of(tc.resourcesJMap());
    }

    /** The device for a task's resources: GPU address "1" is CUDA device 1. */
    public static Device of(Map<String, ResourceInformation> resources) {
        ResourceInformation gpu = resources == null ? null : resources.get("gpu");
        if (gpu == null || gpu.addresses().length == 0) {
            return Device.CPU;
        }
        String address = gpu.addresses()[0].strip();
        try {
            return Device.cuda(Integer.parseInt(address));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("GPU address '" + address + "' is not a CUDA device ordinal", e);
        }
    }

    /** The running task's GPU address(es) as {@code gpu:1} (several joined by {@code +}), else {@code cpu}. */
    public static String label() {
        TaskContext tc = TaskContext.get();
        ResourceInformation gpu = tc == null ? null : tc.resourcesJMap().get("gpu");
        return gpu == null || gpu.addresses().length == 0 ? CPU : "gpu:" + String.join("+", gpu.addresses());
    }
}

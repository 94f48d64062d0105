package dev.storyreel.jobs;

import dev.storyreel.render.diffusion.Device;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/** The device a task should render on: the first GPU Spark assigned to it, the CPU when none. */
final class TaskDevice {
    private TaskDevice() {
    }

    /** The running task's device (the CPU outside a task). */
    static Device current() {
        TaskContext tc = TaskContext.get();
        return tc == null ? Device.CPU : of(tc.resourcesJMap());
    }

    /** The device for a task's resources: GPU address "1" is CUDA device 1. */
    static Device of(Map<String, ResourceInformation> resources) {
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
}

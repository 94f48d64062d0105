package dev.storyreel.jobs;

import java.io.Serializable;

/** Which renderer a run uses, and its model location when it has one ("" otherwise). */
record RendererChoice(String name, String model) implements Serializable {
}

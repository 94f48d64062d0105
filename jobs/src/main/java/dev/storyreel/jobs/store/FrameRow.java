package dev.storyreel.jobs.store;

/** One row of a frames file (its film is the file's partition folder). */
public record FrameRow(String variant, int scene, int shot, int frame, int filmFrame, String shotKey, int width,
                       int height, String codec, byte[] data, String device) {
}

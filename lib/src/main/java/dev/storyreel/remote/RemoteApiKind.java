package dev.storyreel.remote;

import java.util.Locale;

/** The HTTP shapes storyreel can talk to. */
public enum RemoteApiKind {
    /** The asynchronous videos API ({@code POST /v1/videos}, poll, download content). */
    VIDEOS,
    /** A ComfyUI server running an API-format workflow template. */
    COMFYUI;

    /** The option value ({@code videos}, {@code comfyui}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option value. */
    public static RemoteApiKind parse(String s) {
        for (RemoteApiKind k : values()) {
            if (k.label().equalsIgnoreCase(s.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown remote API '" + s + "'; known: videos, comfyui");
    }
}

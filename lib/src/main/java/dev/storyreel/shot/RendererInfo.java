package dev.storyreel.shot;

/** A renderer's id and version; a new version changes every shot key it renders. */
public record RendererInfo(String id, String version) implements java.io.Serializable {
}

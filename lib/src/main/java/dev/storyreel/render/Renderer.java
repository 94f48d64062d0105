package dev.storyreel.render;

import dev.storyreel.shot.RendererInfo;

import dev.storyreel.shot.ShotSpec;
import java.util.Iterator;

/**
 * Turns shots into frames. One instance serves many shots (one per executor JVM for heavy
 * renderers) and holds whatever native resources it needs until {@link #close()}.
 *
 * <p>Contract: the frames of a shot depend only on its {@link ShotSpec} and on {@link #info()};
 * never on other shots, the order of the input, batch sizes or the machine's state.
 */
public interface Renderer extends AutoCloseable {

    /** Name and version, part of every shot key. */
    RendererInfo info();

    /**
     * Renders the given shots lazily, in order: all frames of the first shot (frame 0 first), then
     * the next shot's. Each frame is a fresh {@code TYPE_3BYTE_BGR} image of the shot's size.
     */
    Iterator<RenderedFrame> render(Iterator<ShotSpec> shots);

    @Override
    void close();
}

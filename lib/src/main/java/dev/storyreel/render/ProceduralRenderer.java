package dev.storyreel.render;

import dev.storyreel.shot.RendererInfo;

import dev.storyreel.shot.ShotSpec;
import java.awt.Color;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The default renderer: a deterministic Java2D animatic (set from the scene heading, named figures
 * framed by shot kind, captions, camera moves, title cards). Needs no GPU and no weights; same
 * {@link ShotSpec} gives bit-identical frames on any machine, thread or call. Thread-safe.
 */
public final class ProceduralRenderer implements Renderer {

    /** Id and version; bump the version whenever pixels change. */
    public static final RendererInfo INFO = new RendererInfo("procedural", "1");

    @Override
    public RendererInfo info() {
        return INFO;
    }

    /**
     * Lazily renders each shot's frames in order; holds one shot's layout and at most one frame
     * (plus one still copy for static shots) at a time.
     */
    @Override
    public Iterator<RenderedFrame> render(Iterator<ShotSpec> shots) {
        Objects.requireNonNull(shots, "shots");
        return new Iterator<>() {
            private ShotSpec spec;
            private ShotLayout plan;
            private int next;

            @Override
            public boolean hasNext() {
                while (spec == null || next >= spec.frames()) {
                    if (!shots.hasNext()) {
                        spec = null;
                        plan = null;
                        return false;
                    }
                    spec = Objects.requireNonNull(shots.next(), "shot");
                    plan = null;
                    next = 0;
                }
                return true;
            }

            @Override
            public RenderedFrame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (plan == null) {
                    plan = ShotLayout.of(spec);
                }
                int index = next++;
                return new RenderedFrame(spec, index, plan.frame(index));
            }
        };
    }

    /** The colour a character's clothes have (before the film's style grade): a function of the name only. */
    public static Color characterColor(String name) {
        return FigurePainter.characterColor(name);
    }

    @Override
    public void close() {
        // Nothing to release: fonts are shared, immutable and live as long as the class.
    }
}

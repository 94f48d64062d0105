package dev.storyreel.render;

import dev.storyreel.shot.RendererInfo;

import dev.storyreel.shot.ShotSpec;
import java.awt.Color;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The default renderer: a deterministic Java2D animatic of what the screenplay says (a set built from
 * the heading, props from the action, the cast from the character bible in poses from the verbs, framed
 * by shot size, camera moves with parallax, weather and light, title cards). Text in the picture is a
 * choice: the technical label and name tags ({@link Overlay}) and the caption band ({@link Captions})
 * are off by default. Needs no GPU and no weights; the same {@link ShotSpec} and options give
 * bit-identical frames on any machine, thread or call. Thread-safe.
 */
public final class ProceduralRenderer implements Renderer {

    /** The pixel version; bump it whenever pixels change. */
    static final String VERSION = "2";

    /** Id and version of the default (clean picture) renderer. */
    public static final RendererInfo INFO = new RendererInfo("procedural", VERSION);

    private final Overlay overlay;
    private final Captions captions;
    private final RendererInfo info;

    /** Clean pictures: no label, no name tags, no captions. */
    public ProceduralRenderer() {
        this(Overlay.NONE, Captions.NONE);
    }

    /** A renderer with the given text options; they are part of its version, since they change pixels. */
    public ProceduralRenderer(Overlay overlay, Captions captions) {
        this.overlay = Objects.requireNonNull(overlay, "overlay");
        this.captions = Objects.requireNonNull(captions, "captions");
        this.info = overlay == Overlay.NONE && captions == Captions.NONE ? INFO
                : new RendererInfo("procedural", VERSION + "+overlay=" + overlay.label() + "+captions=" + captions.label());
    }

    @Override
    public RendererInfo info() {
        return info;
    }

    /** The set and props a shot is dressed with (what the plan's set and props columns say). */
    public static ArtDepartment.Dressing dressing(ShotSpec spec) {
        return ArtDepartment.dress(spec);
    }

    /**
     * Lazily renders each shot's frames in order; holds one shot's layout and at most one frame at a time.
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
                    plan = ShotLayout.of(spec, overlay, captions);
                }
                int index = next++;
                return new RenderedFrame(spec, index, plan.frame(index));
            }
        };
    }

    /** A character's default clothing colour (before the film's style grade): a function of the name only. */
    public static Color characterColor(String name) {
        return new Color(CastPainter.nameColour(name));
    }

    @Override
    public void close() {
        // Nothing to release: fonts are shared, immutable and live as long as the class.
    }
}

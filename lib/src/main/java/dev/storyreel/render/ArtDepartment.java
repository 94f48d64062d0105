package dev.storyreel.render;

import dev.storyreel.shot.ShotKind;
import dev.storyreel.shot.ShotSpec;
import java.util.List;

/**
 * What a shot is dressed with, as the plan and report name it: the set from the heading and the props
 * the shot's action and dialogue name. A pure function of the spec, shared by the planner's columns and
 * the procedural renderer, so the plan says exactly what the picture shows.
 */
public final class ArtDepartment {

    /** The most props one shot shows. */
    static final int MAX_PROPS = 5;

    /**
     * A shot's dressing.
     *
     * @param set   the set id ("kitchen"), or "title_card" for a title card
     * @param props the props' names in the order the text names them
     */
    public record Dressing(String set, List<String> props) implements java.io.Serializable {
        public Dressing {
            props = List.copyOf(props);
        }
    }

    private ArtDepartment() {
    }

    /** The set and props of a shot. */
    public static Dressing dress(ShotSpec spec) {
        if (spec.kind() == ShotKind.TITLE) {
            return new Dressing("title_card", List.of());
        }
        return new Dressing(SetDesign.of(spec.setting()).id(),
                props(spec).stream().map(PropLexicon.Prop::name).toList());
    }

    /** The props drawn in a shot. */
    static List<PropLexicon.Prop> props(ShotSpec spec) {
        return spec.kind() == ShotKind.TITLE ? List.of() : PropLexicon.named(text(spec), MAX_PROPS);
    }

    /** The words a shot's props, poses and weather come from: the director's action, then the caption. */
    static String text(ShotSpec spec) {
        String action = spec.direction() == null ? "" : spec.direction().action();
        if (spec.kind() == ShotKind.TITLE) {
            return "";
        }
        return action.isBlank() ? spec.caption() : action + " " + spec.caption();
    }
}

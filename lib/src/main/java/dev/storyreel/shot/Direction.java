package dev.storyreel.shot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The director's decisions for one shot, beyond what {@link ShotSpec} always carries: framing, who is
 * visible, where the speaker is, how the shot begins, the cast's descriptors and model-ready prompts.
 *
 * @param size           shot size
 * @param inFrame        characters visible in the shot, in screen order (may differ from the speaker)
 * @param speakerMode    where the speaker is, or null without a speaker
 * @param transitionIn   how the shot begins
 * @param cast           descriptors of the characters in frame (from the character bible)
 * @param action         what happens in the shot, as plain prose (never a camera direction)
 * @param promptLong     the long prompt for video models
 * @param negativePrompt what a generative renderer must avoid
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Direction(ShotSize size, List<String> inFrame, SpeakerMode speakerMode, Transition transitionIn,
                        List<CastMember> cast, String action, String promptLong, String negativePrompt)
        implements java.io.Serializable {
    public Direction {
        Objects.requireNonNull(size, "size");
        inFrame = List.copyOf(inFrame);
        transitionIn = Objects.requireNonNullElse(transitionIn, Transition.CUT);
        cast = List.copyOf(cast);
        action = Objects.requireNonNullElse(action, "");
        promptLong = Objects.requireNonNullElse(promptLong, "");
        negativePrompt = Objects.requireNonNullElse(negativePrompt, "");
    }
}

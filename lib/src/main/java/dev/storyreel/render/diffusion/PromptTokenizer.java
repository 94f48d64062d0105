package dev.storyreel.render.diffusion;

/** Text to the text encoder's {@code input_ids}: always {@link ClipTokenizer#CONTEXT} ids. */
public interface PromptTokenizer {
    /** The ids of {@code text}, BOS first, EOS after the last kept token, padded to the context length. */
    long[] encode(String text);
}

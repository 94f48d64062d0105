package dev.storyreel.jobs.run;

/**
 * The writers' room settings ({@code --writer-url}, {@code --writer-model}); its key comes from
 * {@code STORYREEL_WRITER_KEY}, never from here.
 *
 * @param url         the chat endpoint ("" when the run has none)
 * @param model       the chat model
 * @param retries     times a rejected screenplay is sent back
 * @param temperature sampling temperature
 */
public record WriterOptions(String url, String model, int retries, double temperature) {
    /** No writers' room. */
    public static final WriterOptions NONE = new WriterOptions("", "", 2, 0.7);

    /** Whether an endpoint is set. */
    public boolean enabled() {
        return !url.isBlank();
    }
}

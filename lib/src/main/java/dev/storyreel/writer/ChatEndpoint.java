package dev.storyreel.writer;

import java.util.List;

/** A chat model: sends the conversation so far and returns the assistant's reply. */
public interface ChatEndpoint {

    /** One message of a conversation ({@code system}, {@code user} or {@code assistant}). */
    record Message(String role, String content) {
    }

    /** The endpoint's URL and model, part of the reuse key of what it wrote. */
    String identity();

    /** The assistant's reply to the conversation. */
    String complete(List<Message> messages, long seed, double temperature);
}

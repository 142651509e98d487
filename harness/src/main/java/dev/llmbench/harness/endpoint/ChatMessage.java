package dev.llmbench.harness.endpoint;

import java.util.Objects;

/**
 * One message of a chat conversation sent to a chat API, e.g. {@code {"role": "user", "content": "..."}}.
 *
 * @param role    {@code system}, {@code user}, {@code assistant}, or whatever the server accepts; not blank
 * @param content the message text; never null (may be empty)
 */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        if (role == null || role.isBlank()) throw new IllegalArgumentException("role must not be blank");
        Objects.requireNonNull(content, "content must not be null");
    }

    /** A {@code user} message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}

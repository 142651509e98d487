package dev.llmbench.harness.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** Writes a protocol's JSON request body; shared by every {@link WireProtocol}. Thread-safe. */
public final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    /**
     * The body as JSON bytes.
     *
     * @throws IllegalArgumentException when a value (from {@link GenerationRequest#extraFields()}) cannot be written
     */
    public static byte[] json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("extraFields cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}

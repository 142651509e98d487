package dev.llmbench.harness.metrics;

/** Where an output-token count came from. Recorded with every total so nobody mistakes an estimate for a count. */
public enum TokenSource {
    /** The server's {@code usage} object. */
    USAGE,
    /** A local tokenizer over the streamed text. */
    TOKENIZER,
    /** One token per streamed chunk: a lower bound when servers bundle tokens. */
    CHUNK_COUNT
}

package dev.llmbench.simulator;

/** A request the simulator refuses with an OpenAI-style 4xx error naming the offending field. */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String param;

    BadRequestException(String message, String param) {
        super(message, null, false, false);
        this.param = param;
    }

    /** The offending request field, or null. */
    String param() {
        return param;
    }
}

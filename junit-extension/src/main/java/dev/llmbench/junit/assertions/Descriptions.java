package dev.llmbench.junit.assertions;

import org.assertj.core.api.AbstractAssert;

/** Carries {@code as("…")} from an assertion to the ones navigated to from it. */
final class Descriptions {

    private Descriptions() {
    }

    static void inherit(AbstractAssert<?, ?> child, AbstractAssert<?, ?> parent) {
        if (parent.info.hasDescription()) child.info.description(parent.info.description());
    }
}

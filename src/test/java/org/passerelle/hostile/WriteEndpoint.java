package org.passerelle.hostile;

import java.util.function.Function;
import java.util.function.Supplier;
import org.passerelle.hostile.HostileClient.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A write endpoint as a hostile client sees it: who calls it, where, with which valid body to start
 * from, whether it may write at all, and how to check that a body it accepted reads back as it was
 * sent.
 */
record WriteEndpoint(
        String name,
        boolean writes,
        String method,
        String path,
        Supplier<HostileClient> caller,
        Supplier<ObjectNode> validBody,
        RoundTrip roundTrip) {

    /** Checks, after a 2xx answer, that what was stored reads back as it was sent. */
    interface RoundTrip {
        void check(JsonNode sent, Answer answer);
    }

    static RoundTrip nothingToReadBack() {
        return (sent, answer) -> {};
    }

    WriteEndpoint withPath(Function<String, String> change) {
        return new WriteEndpoint(name, writes, method, change.apply(path), caller, validBody, roundTrip);
    }

    @Override
    public String toString() {
        return name;
    }
}

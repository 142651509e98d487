package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.simulator.CompletionRequest.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Responses stream as OpenAI writes it: typed events with an event line, numbered from 0, ending in response.completed. */
class ResponsesFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The events in {@code bytes}: each {@code event: T\ndata: {...}\n\n}, with T equal to the data's type. */
    private static List<JsonNode> events(byte[] bytes) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String s = new String(bytes, StandardCharsets.UTF_8);
        assertThat(s).endsWith("\n\n");
        for (String event : s.substring(0, s.length() - 2).split("\n\n")) {
            String[] lines = event.split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("event: ");
            assertThat(lines[1]).startsWith("data: ");
            JsonNode data = MAPPER.readTree(lines[1].substring(6));
            assertThat(data.get("type").asText()).isEqualTo(lines[0].substring(7));
            out.add(data);
        }
        return out;
    }

    @Test
    void aStreamIsOpeningDeltasClosingAndCompletedWithSequenceNumbersCountingFromZero() throws Exception {
        CompletionRequest req = new CompletionRequest(Endpoint.RESPONSES, "we\"ird model", 9, 3, true, true, false, 1);
        ResponsesFormat f = new ResponsesFormat(req, "resp_42", 1_700_000_000L, 5);
        List<JsonNode> all = new ArrayList<>(events(f.opening()));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            List<JsonNode> one = events(f.token(i));
            assertThat(one).hasSize(1);
            text.append(one.get(0).get("delta").asText());
            all.addAll(one);
        }
        all.addAll(events(f.closing()));
        all.addAll(events(f.finalEvent()));

        assertThat(all).extracting(e -> e.get("type").asText()).containsExactly(
                "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed");
        for (int i = 0; i < all.size(); i++) assertThat(all.get(i).get("sequence_number").asInt()).isEqualTo(i);

        JsonNode created = all.get(0).get("response");
        assertThat(created.get("id").asText()).isEqualTo("resp_42");
        assertThat(created.get("object").asText()).isEqualTo("response");
        assertThat(created.get("status").asText()).isEqualTo("in_progress");
        assertThat(created.get("model").asText()).isEqualTo("we\"ird model");
        assertThat(created.get("usage").isNull()).isTrue();

        JsonNode delta = all.get(4);
        assertThat(delta.get("item_id").asText()).isEqualTo("msg_42");
        assertThat(delta.get("output_index").asInt()).isZero();
        assertThat(delta.get("content_index").asInt()).isZero();
        assertThat(delta.get("delta").asText()).matches(" [a-z]+");
        assertThat(all.get(7).get("text").asText()).isEqualTo(text.toString());

        JsonNode completed = all.get(10).get("response");
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/output/0/type").asText()).isEqualTo("message");
        assertThat(completed.at("/output/0/content/0/type").asText()).isEqualTo("output_text");
        assertThat(completed.at("/output/0/content/0/text").asText()).isEqualTo(text.toString());
        assertThat(completed.at("/usage/input_tokens").asInt()).isEqualTo(9);
        assertThat(completed.at("/usage/input_tokens_details/cached_tokens").asInt()).isZero();
        assertThat(completed.at("/usage/output_tokens").asInt()).isEqualTo(3);
        assertThat(completed.at("/usage/output_tokens_details/reasoning_tokens").asInt()).isZero();
        assertThat(completed.at("/usage/total_tokens").asInt()).isEqualTo(12);
    }

    @Test
    void sequenceNumbersKeepCountingPastOneDigit() throws Exception {
        CompletionRequest req = new CompletionRequest(Endpoint.RESPONSES, "m", 1, 2000, true, true, false, 1);
        ResponsesFormat f = new ResponsesFormat(req, "resp_1", 1L, 5);
        assertThat(events(f.token(5)).get(0).get("sequence_number").asInt()).isEqualTo(9);
        assertThat(events(f.token(6)).get(0).get("sequence_number").asInt()).isEqualTo(10);
        assertThat(events(f.token(1995)).get(0).get("sequence_number").asInt()).isEqualTo(1999);
        assertThat(events(f.finalEvent()).get(0).get("sequence_number").asInt()).isEqualTo(2007);
    }

    @Test
    void theNonStreamedBodyIsTheCompletedResponse() throws Exception {
        CompletionRequest req = new CompletionRequest(Endpoint.RESPONSES, "m", 4, 5, false, false, false, 1);
        ResponsesFormat f = new ResponsesFormat(req, "resp_7", 1L, 5);
        JsonNode body = MAPPER.readTree(f.fullBody());
        assertThat(body.get("object").asText()).isEqualTo("response");
        assertThat(body.get("status").asText()).isEqualTo("completed");
        assertThat(body.get("max_output_tokens").isNull()).as("not given").isTrue();
        assertThat(body.at("/output/0/content/0/text").asText()).isEqualTo(TokenVocabulary.text(5, 5));
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void theMalformedJsonFaultCutsADeltaEvent() {
        CompletionRequest req = new CompletionRequest(Endpoint.RESPONSES, "m", 4, 5, false, true, false, 1);
        String s = new String(new ResponsesFormat(req, "resp_7", 1L, 5).malformedJson(), StandardCharsets.UTF_8);
        assertThat(s).startsWith("event: response.output_text.delta\ndata: {").endsWith("\"delta\":\n\n");
    }
}

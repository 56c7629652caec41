package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.json.ClientJson;
import ai.switchboard.providers.json.WireJson;
import com.openai.core.ObjectMappers;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;
import tools.jackson.databind.JsonNode;

/** Binding as the gateway binds client bodies, and parsing with the official openai-java SDK's own mapper. */
final class ResponsesJson {

    private ResponsesJson() {
    }

    /** A client body bound strictly and validated, as the handler will. */
    static ResponsesRequest request(String json) {
        ResponsesRequest request = ClientJson.mapper().readValue(json, ResponsesRequest.class);
        ResponsesRequestValidator.validate(request);
        return request;
    }

    static JsonNode tree(Object value) {
        return WireJson.mapper().valueToTree(value);
    }

    static String write(Object value) {
        return WireJson.mapper().writeValueAsString(value);
    }

    /** Our JSON read by the SDK, which throws unless every field it requires is there with the right type. */
    static Response sdkResponse(Object response) {
        try {
            Response parsed = ObjectMappers.jsonMapper().readValue(write(response), Response.class);
            return parsed.validate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("The SDK could not read " + write(response), e);
        }
    }

    static ResponseStreamEvent sdkEvent(Object event) {
        try {
            ResponseStreamEvent parsed = ObjectMappers.jsonMapper().readValue(write(event), ResponseStreamEvent.class);
            return parsed.validate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("The SDK could not read " + write(event), e);
        }
    }
}

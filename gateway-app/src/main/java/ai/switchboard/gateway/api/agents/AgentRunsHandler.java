package ai.switchboard.gateway.api.agents;

import ai.switchboard.gateway.agent.run.AgentRuns;
import ai.switchboard.gateway.agent.run.RunEvent;
import ai.switchboard.gateway.api.chat.AgentInputs;
import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.support.EventStreams;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.request.RequestIds;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.ApiKeyRecord;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Stored agent runs: {@code POST /v1/agents/{name}/runs} starts one (202 with its id), {@code GET
 * /v1/agents/runs/{id}} shows it with every step, {@code GET .../events} streams its steps (stored ones first) and
 * then its end as server-sent events {@code step} and {@code run}, {@code POST .../cancel} stops it. Errors are
 * OpenAI-shaped like every {@code /v1} error.
 */
@Component
public class AgentRunsHandler {

    private final JsonBodies bodies;
    private final AgentRuns runs;

    public AgentRunsHandler(JsonBodies bodies, AgentRuns runs) {
        this.bodies = bodies;
        this.runs = runs;
    }

    public Mono<ServerResponse> start(ServerRequest request) {
        String agent = request.pathVariable("name");
        return bodies.read(request, ChatRequest.class).flatMap(body -> {
            String model = AgentConfig.MODEL_PREFIX + agent;
            if (body.model() != null && !body.model().equals(model)) {
                throw new ApiException(400, "invalid_request_error", "The agent comes from the path; remove "
                        + "'model' from the request or send '" + ApiException.echo(model) + "'.", "model",
                        "model_mismatch");
            }
            ChatRequest input = body.withModel(model);
            AgentInputs.check(input);
            return runs.start(RequestIds.of(request.exchange()), AuthenticatedCaller.of(request.exchange()).key(),
                    agent, input);
        }).flatMap(id -> ServerResponse.accepted().location(URI.create("/v1/agents/runs/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonWriter.body(JsonNodeFactory.instance.objectNode().put("id", id).put("object", "agent.run")
                        .put("agent", agent).put("status", "running"))));
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        return runs.find(AuthenticatedCaller.of(request.exchange()).key(), request.pathVariable("id"))
                .flatMap(run -> json(run.toJson(true)));
    }

    public Mono<ServerResponse> cancel(ServerRequest request) {
        return runs.cancel(AuthenticatedCaller.of(request.exchange()).key(), request.pathVariable("id"))
                .flatMap(run -> json(run.toJson(true)));
    }

    /** Checked first, so an unknown run (or another key's) is a 404 status, not an empty stream. */
    public Mono<ServerResponse> events(ServerRequest request) {
        ApiKeyRecord key = AuthenticatedCaller.of(request.exchange()).key();
        String id = request.pathVariable("id");
        return runs.find(key, id).flatMap(found -> EventStreams.headers(ServerResponse.ok())
                .body(BodyInserters.fromServerSentEvents(runs.events(key, id).map(AgentRunsHandler::sse))));
    }

    private static ServerSentEvent<String> sse(RunEvent event) {
        return ServerSentEvent.builder(event.data().toString()).event(event.name()).build();
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(JsonWriter.body(body));
    }
}

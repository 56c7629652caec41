package ai.switchboard.gateway.api.responses.wire;

/**
 * One server-sent event of a Responses stream. Every event carries its {@code type} (also the SSE event name) and a
 * {@code sequence_number} that counts the events of the stream from 0.
 */
public sealed interface ResponsesEvent permits ResponseLifecycleEvent, OutputItemEvent, ContentPartEvent,
        TextDeltaEvent, TextDoneEvent, RefusalDoneEvent, FunctionCallArgumentsEvent, ErrorEvent {

    String CREATED = "response.created";
    String IN_PROGRESS = "response.in_progress";
    String COMPLETED = "response.completed";
    String INCOMPLETE = "response.incomplete";
    String FAILED = "response.failed";
    String OUTPUT_ITEM_ADDED = "response.output_item.added";
    String OUTPUT_ITEM_DONE = "response.output_item.done";
    String CONTENT_PART_ADDED = "response.content_part.added";
    String CONTENT_PART_DONE = "response.content_part.done";
    String OUTPUT_TEXT_DELTA = "response.output_text.delta";
    String OUTPUT_TEXT_DONE = "response.output_text.done";
    String REFUSAL_DELTA = "response.refusal.delta";
    String REFUSAL_DONE = "response.refusal.done";
    String REASONING_TEXT_DELTA = "response.reasoning_text.delta";
    String REASONING_TEXT_DONE = "response.reasoning_text.done";
    String FUNCTION_CALL_ARGUMENTS_DELTA = "response.function_call_arguments.delta";
    String FUNCTION_CALL_ARGUMENTS_DONE = "response.function_call_arguments.done";
    String ERROR = "error";

    String type();

    int sequenceNumber();
}

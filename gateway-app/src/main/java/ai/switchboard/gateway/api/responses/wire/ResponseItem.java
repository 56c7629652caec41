package ai.switchboard.gateway.api.responses.wire;

/**
 * One item of a conversation in the Responses API: what a client sends in {@code input}, what a response holds in
 * {@code output}, and what is stored and listed. The same shapes travel both ways (a client may send output items back
 * as input), so one set of records serves both; {@link ResponseItems} reads them from JSON.
 */
public sealed interface ResponseItem
        permits MessageItem, FunctionCallItem, FunctionCallOutputItem, ReasoningItem, ItemReference, OtherItem {

    String MESSAGE = "message";
    String FUNCTION_CALL = "function_call";
    String FUNCTION_CALL_OUTPUT = "function_call_output";
    String REASONING = "reasoning";
    String ITEM_REFERENCE = "item_reference";

    /** The item's {@code type}. */
    String type();

    /** The item's id, or {@code null} when the client sent none. */
    String id();
}

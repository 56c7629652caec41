package ai.switchboard.gateway.api.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.responses.wire.FunctionCallItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.providers.json.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemReferencesTests {

    private static final List<ResponseItem> INPUT = ResponseItems.readInput(WireJson.mapper().readTree("""
            [{"role":"user","content":"again"},{"type":"item_reference","id":"fc_1"},
             {"type":"item_reference","id":"fc_1"}]"""));

    @Test
    void referencesAreReplacedByTheStoredItemsTheyName() {
        assertThat(ItemReferences.ids(INPUT)).containsExactly("fc_1");

        List<ResponseItem> resolved = ItemReferences.resolve(INPUT, List.of(WireJson.mapper().readTree("""
                {"type":"function_call","id":"fc_1","call_id":"c1","name":"f","arguments":"{}","status":"completed"}
                """)));

        assertThat(resolved).hasSize(3);
        assertThat(((FunctionCallItem) resolved.get(1)).callId()).isEqualTo("c1");
        assertThat(resolved.get(2)).isEqualTo(resolved.get(1));
    }

    @Test
    void aReferenceTheCallerCannotReadIsA400NamingIt() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> ItemReferences.resolve(INPUT, List.of()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.param()).isEqualTo("input[1]");
    }
}

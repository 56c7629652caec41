package ai.switchboard.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTests {

    @Test
    void newIdsAreWellFormedAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.newId();
            assertThat(id).matches("req_[0-9a-f]{24}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void onlySafeClientIdsAreEchoed() {
        assertThat(RequestIds.isAcceptable("abc-123_x.y:z")).isTrue();
        assertThat(RequestIds.isAcceptable("")).isFalse();
        assertThat(RequestIds.isAcceptable("a\r\nSet-Cookie: x")).isFalse();
        assertThat(RequestIds.isAcceptable("a".repeat(129))).isFalse();
    }
}

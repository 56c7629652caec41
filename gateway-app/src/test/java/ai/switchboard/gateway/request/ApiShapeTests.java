package ai.switchboard.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiShapeTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/v1/models|OPENAI",
        "/v1|OPENAI",
        "/v1?x=1|OPENAI",
        "/%761/chat/completions|OPENAI",
        "/v%31/models|OPENAI",
        "/v1;x/models|OPENAI",
        "//v1/models|OPENAI",
        "\\v1\\models|OPENAI",
        "http://gateway:8080/v1/models|OPENAI",
        "/admin/v1/keys|PROBLEM",
        "/%61dmin/v1/keys|PROBLEM",
        "/v1x/models|PROBLEM",
        "/V1/models|PROBLEM",
        "/v|PROBLEM",
        "/|PROBLEM",
        "/actuator/health|PROBLEM",
        "/bad-request|PROBLEM",
        "/%7|PROBLEM",
        "/%zz1|PROBLEM",
        "/x?next=http://h/v1|PROBLEM",
    })
    void theDecodedFirstSegmentChoosesTheShape(String target, ApiShape expected) {
        assertThat(ApiShape.ofTarget(target)).isEqualTo(expected);
    }
}

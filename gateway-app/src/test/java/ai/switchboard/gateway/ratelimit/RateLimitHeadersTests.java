package ai.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitHeadersTests {

    @Test
    void resetsAreWrittenAsGoDurationsLikeOpenAi() {
        assertThat(RateLimitHeaders.duration(0)).isEqualTo("0s");
        assertThat(RateLimitHeaders.duration(-5)).isEqualTo("0s");
        assertThat(RateLimitHeaders.duration(20)).isEqualTo("20ms");
        assertThat(RateLimitHeaders.duration(999)).isEqualTo("999ms");
        assertThat(RateLimitHeaders.duration(1_000)).isEqualTo("1s");
        assertThat(RateLimitHeaders.duration(59_500)).isEqualTo("59.5s");
        assertThat(RateLimitHeaders.duration(60_000)).isEqualTo("1m0s");
        assertThat(RateLimitHeaders.duration(360_000)).isEqualTo("6m0s");
        assertThat(RateLimitHeaders.duration(179_560)).isEqualTo("2m59.56s");
        assertThat(RateLimitHeaders.duration(3_600_000)).isEqualTo("1h0m0s");
        assertThat(RateLimitHeaders.duration(3_661_001)).isEqualTo("1h1m1.001s");
        assertThat(RateLimitHeaders.duration(1_010)).isEqualTo("1.01s");
        assertThat(RateLimitHeaders.duration(1_100)).isEqualTo("1.1s");
        assertThat(RateLimitHeaders.duration(1_205)).isEqualTo("1.205s");
        assertThat(RateLimitHeaders.duration(1_250)).isEqualTo("1.25s");
        assertThat(RateLimitHeaders.duration(1_999)).isEqualTo("1.999s");
    }

    @Test
    void eachDimensionShowsTheLimitWithTheLeastLeft() {
        HttpHeaders headers = new HttpHeaders();

        RateLimitHeaders.show(headers, false, 600, 599, 59_000);
        RateLimitHeaders.show(headers, false, 100, 40, 20);
        RateLimitHeaders.show(headers, false, 1000, 900, 1_000);
        RateLimitHeaders.show(headers, true, 50_000, 49_000, 1_500);

        assertThat(headers.getFirst("x-ratelimit-limit-requests")).isEqualTo("100");
        assertThat(headers.getFirst("x-ratelimit-remaining-requests")).isEqualTo("40");
        assertThat(headers.getFirst("x-ratelimit-reset-requests")).isEqualTo("20ms");
        assertThat(headers.getFirst("x-ratelimit-limit-tokens")).isEqualTo("50000");
        assertThat(headers.getFirst("x-ratelimit-remaining-tokens")).isEqualTo("49000");
        assertThat(headers.getFirst("x-ratelimit-reset-tokens")).isEqualTo("1.5s");
    }
}

package ai.switchboard.registry.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Column;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColumnLimitsTests {

    @SuppressWarnings("unused")
    static final class Row {

        @Column(length = 8)
        private String name;

        @Column(name = "base_url", length = 16)
        private String baseUrl;

        @Column(name = "notes")
        private String unbounded;

        @Column(name = "price", precision = 8, scale = 2)
        private BigDecimal price;

        Row(String name, String baseUrl, String unbounded, BigDecimal price) {
            this.name = name;
            this.baseUrl = baseUrl;
            this.unbounded = unbounded;
            this.price = price;
        }
    }

    @Test
    void valuesThatFitPass() {
        ColumnLimits.check(new Row("12345678", "x".repeat(16), "y".repeat(10_000), new BigDecimal("999999.994")));
        ColumnLimits.check(new Row(null, null, null, new BigDecimal("1e-999999999")));
    }

    @Test
    void namesEveryColumnAValueOverflows() {
        assertThatThrownBy(() -> ColumnLimits.check(new Row("123456789", "x".repeat(17), "", new BigDecimal("1e30"))))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name", "base_url", "price"));
    }

    @Test
    void aDecimalThatRoundsUpToTheNextPowerOfTenOverflows() {
        assertThat(ColumnLimits.violations(new Row(null, null, null, new BigDecimal("999999.995"))))
                .extracting(FieldError::field).containsExactly("price");
    }
}

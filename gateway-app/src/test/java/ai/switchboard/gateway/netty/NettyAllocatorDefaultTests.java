package ai.switchboard.gateway.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyAllocatorDefaultTests {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(NettyAllocatorDefault.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(NettyAllocatorDefault.PROPERTY);
        } else {
            System.setProperty(NettyAllocatorDefault.PROPERTY, saved);
        }
    }

    @Test
    void choosesThePooledAllocatorWhenNothingIsConfigured() {
        System.clearProperty(NettyAllocatorDefault.PROPERTY);

        NettyAllocatorDefault.apply();

        assertThat(System.getProperty(NettyAllocatorDefault.PROPERTY)).isEqualTo("pooled");
    }

    @Test
    void keepsTheOperatorsChoice() {
        System.setProperty(NettyAllocatorDefault.PROPERTY, "adaptive");

        NettyAllocatorDefault.apply();

        assertThat(System.getProperty(NettyAllocatorDefault.PROPERTY)).isEqualTo("adaptive");
    }
}

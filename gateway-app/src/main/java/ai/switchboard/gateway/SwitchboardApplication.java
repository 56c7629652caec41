package ai.switchboard.gateway;

import ai.switchboard.gateway.netty.NettyAllocatorDefault;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the Switchboard gateway. */
@SpringBootApplication(scanBasePackages = "ai.switchboard")
public class SwitchboardApplication {

    public static void main(String[] args) {
        NettyAllocatorDefault.apply();
        SpringApplication.run(SwitchboardApplication.class, args);
    }
}

package ai.switchboard.gateway.admin;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Runs blocking registry work (JPA) on the registry scheduler, never on a Netty event-loop thread. */
final class RegistryCalls {

    private final Scheduler scheduler;

    RegistryCalls(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(scheduler);
    }
}

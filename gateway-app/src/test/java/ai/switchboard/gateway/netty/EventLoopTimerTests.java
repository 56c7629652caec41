package ai.switchboard.gateway.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class EventLoopTimerTests {

    private final EventLoopTimer timer = new EventLoopTimer();
    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);
    private final EventLoop loop = loops.next();

    @AfterEach
    void stop() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void armedFromAnEventLoopTheTimerFiresOnThatLoop() throws Exception {
        CompletableFuture<Thread> firedOn = new CompletableFuture<>();
        Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);

        loop.execute(() -> timer.schedule(() -> firedOn.complete(Thread.currentThread()), 5, TimeUnit.MILLISECONDS));

        assertThat(firedOn.get(5, TimeUnit.SECONDS)).isSameAs(loopThread);
    }

    @Test
    void aCancelledTimerNeverFiresEvenWhenCancelledFromAnotherThread() throws Exception {
        AtomicBoolean fired = new AtomicBoolean();
        Disposable armed = loop.submit(() -> timer.schedule(() -> fired.set(true), 50, TimeUnit.MILLISECONDS))
                .get(5, TimeUnit.SECONDS);

        armed.dispose();
        // A later task on the same loop runs after the cancelled timer's deadline has passed.
        CountDownLatch later = new CountDownLatch(1);
        loop.schedule(later::countDown, 150, TimeUnit.MILLISECONDS);

        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(armed.isDisposed()).isTrue();
        assertThat(fired).isFalse();
    }

    @Test
    void itsClockIsTheMonotonicOneDeadlinesAreMeasuredWith() {
        long before = System.nanoTime();
        long now = timer.now(TimeUnit.NANOSECONDS);
        long after = System.nanoTime();

        assertThat(now - before).isNotNegative();
        assertThat(after - now).isNotNegative();
    }

    @Test
    void armedOutsideAnEventLoopTheTimerUsesReactorsParallelScheduler() throws Exception {
        CompletableFuture<String> firedOn = new CompletableFuture<>();

        timer.schedule(() -> firedOn.complete(Thread.currentThread().getName()), 5, TimeUnit.MILLISECONDS);

        assertThat(firedOn.get(5, TimeUnit.SECONDS)).startsWith("parallel-");
    }

    @Test
    void reactorTimeoutsFireThroughIt() throws Exception {
        // Reactor initialises its context-propagation support (a class-path scan) on first use; do that here, not on
        // the event loop, where BlockHound would rightly refuse the file reads.
        Mono.never().timeout(Duration.ofMillis(1)).onErrorComplete().block(Duration.ofSeconds(5));
        CompletableFuture<Throwable> failure = new CompletableFuture<>();

        loop.execute(() -> Mono.never().timeout(Mono.delay(Duration.ofMillis(5), timer))
                .subscribe(null, failure::complete));

        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.TimeoutException.class);
    }
}

package io.ottl4j.collector.processor.k8sattributes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Outage and recovery judged from the informers' watches, on a hand-driven clock. */
class ApiHealthTest {
    private final AtomicLong now = new AtomicLong();
    private final List<String> events = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final Logger log = Logger.getAnonymousLogger();
    private final ApiHealth health;

    ApiHealthTest() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        health = new ApiHealth(log, now::get, Duration.ofSeconds(5), new ApiHealth.Listener() {
            @Override
            public void unreachable(String why) {
                events.add("down: " + why);
            }

            @Override
            public void reachable() {
                events.add("up");
            }
        }, what -> events.add("relist " + what));
    }

    private void advance(int seconds) {
        now.addAndGet(Duration.ofSeconds(seconds).toNanos());
        health.check();
    }

    @Test
    void aLostWatchCountsAfterTheGraceAndRecoveryOnceAllWatch() {
        AtomicBoolean pods = new AtomicBoolean(true);
        AtomicBoolean nodes = new AtomicBoolean(true);
        health.track("pods", pods::get);
        health.track("nodes", nodes::get);
        health.check();
        pods.set(false);
        advance(4);
        assertThat(health.reachable()).as("a watch restart is not an outage").isTrue();
        pods.set(true);
        advance(1);
        pods.set(false);
        nodes.set(false);
        advance(1);
        advance(4);
        assertThat(health.reachable()).isTrue();
        advance(1);
        assertThat(health.reachable()).isFalse();
        assertThat(events).containsExactly("down: not watching pods, nodes");
        advance(30);
        pods.set(true);
        advance(1);
        assertThat(health.reachable()).as("nodes still has no watch").isFalse();
        nodes.set(true);
        advance(1);
        assertThat(health.reachable()).isTrue();
        assertThat(events).containsExactly("down: not watching pods, nodes", "up");
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).startsWith("WARNING Kubernetes API unreachable: not watching pods, nodes");
        assertThat(logged.get(1)).isEqualTo("INFO Kubernetes API reachable again after 32 s: watching pods, nodes");
    }

    @Test
    void aFailureCountsAtOnceAndNamesTheRootCauseAndEachOutageIsReportedOnce() {
        AtomicBoolean pods = new AtomicBoolean(false);
        health.track("pods", pods::get);
        advance(60);
        assertThat(health.reachable()).as("the first sync may take long without failing").isTrue();
        Exception e = new IllegalStateException("list failed", new ConnectException());
        health.failed("pods", e);
        health.failed("pods", e);
        advance(10);
        assertThat(events).containsExactly("down: not watching pods (list failed: ConnectException)");
        pods.set(true);
        advance(1);
        pods.set(false);
        health.failed("pods", new IllegalStateException("watch failed"));
        pods.set(true);
        advance(1);
        assertThat(events).containsExactly("down: not watching pods (list failed: ConnectException)", "up",
                "down: not watching pods (watch failed)", "up");
    }

    @Test
    void anInformerWhoseWatchOutlivedTheOutageIsReListedOnRecovery() {
        AtomicBoolean pods = new AtomicBoolean(true);
        AtomicBoolean nodes = new AtomicBoolean(true);
        health.track("pods", pods::get);
        health.track("nodes", nodes::get);
        health.check();
        nodes.set(false);
        health.failed("nodes", new IllegalStateException("refused"));
        advance(20);
        nodes.set(true);
        advance(1);
        assertThat(events).containsExactly("down: not watching nodes (refused)", "up", "relist pods");
        pods.set(false);
        nodes.set(false);
        advance(1);
        advance(5);
        pods.set(true);
        nodes.set(true);
        advance(1);
        assertThat(events).as("both lost their watch: nothing suspect").containsExactly("down: not watching nodes (refused)", "up", "relist pods",
                "down: not watching pods, nodes", "up");
    }
}

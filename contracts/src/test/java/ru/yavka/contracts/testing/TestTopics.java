package ru.yavka.contracts.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import ru.yavka.contracts.kafka.Topics;

/** Creates this run's prefixed copy of every topic on the real broker. */
public final class TestTopics {

    private TestTopics() {
    }

    public static void createAll(String prefix) {
        createAll(TestRun.kafkaBootstrap(), prefix);
    }

    public static void createAll(String bootstrap, String prefix) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .map(spec -> new NewTopic(prefix + spec.name(), spec.partitions(), (short) 1))
                    .filter(topic -> !existing.contains(topic.name()))
                    .collect(Collectors.toList());
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap
                    + " did not create the topics (is the local stack up? ./clinic test starts it): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

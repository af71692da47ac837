import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Kafka topics that do not exist yet (idempotent).
 *
 * <pre>
 * java -cp '.yavka/tools/kafka/lib/*' deploy/local/tools/CreateTopics.java 127.0.0.1:9092 Name:partitions ...
 * </pre>
 *
 * The kafka-tools CLI is not part of the broker's jar set, hence this small program.
 * Replication factor is 1: the local broker is a single node.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics <bootstrap> <topic:partitions>...");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        // The broker may have opened its port a moment before it serves metadata.
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");

        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] parts = args[i].split(":", 2);
                int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 3;
                if (!existing.contains(parts[0])) {
                    wanted.add(new NewTopic(parts[0], partitions, (short) 1));
                }
            }
            List<String> created = new ArrayList<>();
            admin.createTopics(wanted).values().forEach((name, future) -> {
                try {
                    future.get();
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            System.out.println("topics: " + (args.length - 1) + " wanted, "
                    + (created.isEmpty() ? "none created" : "created " + String.join(" ", created)));
        }
    }
}

package ru.yavka.integration.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A visit 1C:Медицина recorded: the patient arrived, or the visit is complete with the services rendered. */
public record VisitFact(UUID appointmentId, Status status, Instant at, List<Service> services) {

    public VisitFact {
        services = List.copyOf(services);
    }

    public enum Status {
        ARRIVED, COMPLETED
    }

    /** One rendered service: 1C's code, its name, the price of one unit and how many. */
    public record Service(String code, String name, BigDecimal price, BigDecimal quantity) {

        public BigDecimal sum() {
            return price.multiply(quantity);
        }
    }

    public BigDecimal total() {
        return services.stream().map(Service::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package ru.yavka.integration.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ru.yavka.integration.client.JsonFields.Invalid;
import ru.yavka.integration.config.OneCConfig;

/**
 * The visit facts of one day, checked record by record. A completed visit must list the
 * services rendered, since its sales document is made from them.
 */
@ApplicationScoped
public class VisitParser {

    private static final BigDecimal MAX_PRICE = new BigDecimal("10000000");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000");

    private final MedicineFields fields;
    private final OneCConfig config;
    private final Map<String, VisitFact.Status> statuses = new LinkedHashMap<>();

    public VisitParser(MedicineFields fields, OneCConfig config) {
        this.fields = fields;
        this.config = config;
        for (VisitFact.Status status : VisitFact.Status.values()) {
            statuses.put(status.name(), status);
        }
        config.medicine().visitStatuses().forEach((value, status) -> {
            try {
                statuses.put(value.strip().toUpperCase(Locale.ROOT), VisitFact.Status.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("yavka.onec.medicine.visit-statuses maps '" + value + "' to '" + status
                        + "'; use ARRIVED or COMPLETED");
            }
        });
    }

    public Parsed<List<VisitFact>> parse(JsonNode root) {
        String visitsField = fields.name("visits");
        if (root == null || !root.isObject() || !root.path(visitsField).isArray()) {
            throw new OneCGarbage("visits: the answer is not an object with a '" + visitsField + "' array");
        }
        List<String> rejections = new ArrayList<>();
        Map<UUID, VisitFact> facts = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode node : root.path(visitsField)) {
            String where = "visits[" + index++ + "]";
            try {
                if (!node.isObject()) {
                    throw new Invalid("is not an object");
                }
                UUID appointment = JsonFields.uuid(node, fields.name("visit.appointmentId"));
                where += " (appointment " + appointment + ")";
                VisitFact fact = fact(node, appointment);
                // The same visit may be listed twice (arrived, then completed): the furthest state wins.
                facts.merge(appointment, fact, (a, b) -> b.status().compareTo(a.status()) >= 0 ? b : a);
            } catch (Invalid e) {
                rejections.add(where + ": " + e.getMessage());
            }
        }
        if (index > 0 && facts.isEmpty()) {
            throw new OneCGarbage("visits: none of the " + index + " records is usable; first reason: "
                    + rejections.get(0));
        }
        return new Parsed<>(List.copyOf(facts.values()), rejections);
    }

    private VisitFact fact(JsonNode node, UUID appointment) {
        String statusField = fields.name("visit.status");
        String statusValue = JsonFields.text(node, statusField, 50, true);
        VisitFact.Status status = Optional.ofNullable(statuses.get(statusValue.toUpperCase(Locale.ROOT)))
                .orElseThrow(() -> new Invalid("'" + statusField + "' is not a known visit status"
                        + " (see yavka.onec.medicine.visit-statuses)"));
        List<VisitFact.Service> services = new ArrayList<>();
        String servicesField = fields.name("visit.services");
        if (status == VisitFact.Status.COMPLETED || node.hasNonNull(servicesField)) {
            JsonNode list = JsonFields.array(node, servicesField);
            int index = 0;
            for (JsonNode service : list) {
                String where = servicesField + "[" + index++ + "]";
                if (!service.isObject()) {
                    throw new Invalid(where + " is not an object");
                }
                try {
                    services.add(new VisitFact.Service(
                            JsonFields.text(service, fields.name("service.code"), 50, true),
                            JsonFields.text(service, fields.name("service.name"), 200, true),
                            JsonFields.decimal(service, fields.name("service.price"), BigDecimal.ZERO, false, MAX_PRICE, 2),
                            JsonFields.decimal(service, fields.name("service.quantity"), BigDecimal.ZERO, true,
                                    MAX_QUANTITY, 3)));
                } catch (Invalid e) {
                    throw new Invalid(where + ": " + e.getMessage());
                }
            }
            if (status == VisitFact.Status.COMPLETED && services.isEmpty()) {
                throw new Invalid("a completed visit lists no services");
            }
        }
        return new VisitFact(appointment, status, JsonFields.instant(node, fields.name("visit.at"), config.clinicZone()),
                services);
    }
}

package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.integration.client.Accounting;
import ru.yavka.integration.client.BookingApi;
import ru.yavka.integration.client.BookingClient;
import ru.yavka.integration.client.OneCGarbage;
import ru.yavka.integration.client.OneCRejected;
import ru.yavka.integration.client.VisitFact;
import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.repository.BillingJobs;
import ru.yavka.integration.repository.CounterpartyLinks;
import ru.yavka.integration.repository.Db;
import ru.yavka.integration.repository.SyncStates;

/**
 * Makes one sales document (Document_РеализацияТоваровУслуг) per completed visit in
 * 1C:Бухгалтерия and posts it. Exactly once, across retries, timeouts and restarts:
 * <ul>
 * <li>the job is a row keyed by the appointment, so a visit is queued once;</li>
 * <li>every object Yavka creates in 1C carries a marker ({@code yavka:visit:<id>}); before
 * creating, the worker looks for it, so a create whose answer was lost is found, not repeated;</li>
 * <li>after an attempt whose outcome is unknown the job waits at least the settle time, so a
 * create 1C was still working on is visible when the retry looks;</li>
 * <li>the document's key is stored as soon as it is known; posting checks {@code Posted} first;</li>
 * <li>one replica works the queue at a time (an advisory lock that dies with its connection).</li>
 * </ul>
 */
@ApplicationScoped
public class BillingWorker {

    private static final Logger LOG = Logger.getLogger(BillingWorker.class);
    private static final long BILLING_LOCK = 0x31_43_42_49_4C_4CL; // "1CBILL"
    private static final int BATCH = 50;

    public record Report(int posted, int failed, boolean breakerOpen, long depth) {
    }

    private final BillingJobs jobs;
    private final Accounting accounting;
    private final CounterpartyLinks counterparties;
    private final BookingClient booking;
    private final AuditTrail audit;
    private final SyncStates states;
    private final Db db;
    private final OneCConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicLong lastDepth = new AtomicLong();

    public BillingWorker(BillingJobs jobs, Accounting accounting, CounterpartyLinks counterparties,
            @RestClient BookingClient booking, AuditTrail audit, SyncStates states, Db db, OneCConfig config,
            ObjectMapper mapper, Clock clock, MeterRegistry registry) {
        this.jobs = jobs;
        this.accounting = accounting;
        this.counterparties = counterparties;
        this.booking = booking;
        this.audit = audit;
        this.states = states;
        this.db = db;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        registry.gauge("yavka.onec.billing.queue.depth", lastDepth);
    }

    public static String marker(UUID appointmentId) {
        return "yavka:visit:" + appointmentId;
    }

    public static String patientMarker(UUID patientId) {
        return "yavka:patient:" + patientId;
    }

    public Report pass() {
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        boolean[] open = {false};
        Instant started = clock.instant();
        db.exclusively(BILLING_LOCK, () -> {
            List<BillingJobs.Job> due;
            do {
                due = jobs.due(clock.instant(), BATCH);
                for (BillingJobs.Job job : due) {
                    try {
                        bill(job);
                        posted.incrementAndGet();
                    } catch (CircuitBreakerOpenException e) {
                        open[0] = true; // 1C:Бухгалтерия is down: every job waits, none loses an attempt
                        return;
                    } catch (OneCRejected e) {
                        failed.incrementAndGet();
                        refused(job, e);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        retryLater(job, e);
                    }
                }
            } while (due.size() == BATCH && failed.get() == 0);
        });
        long depth = jobs.depth();
        lastDepth.set(depth);
        Report report = new Report(posted.get(), failed.get(), open[0], depth);
        String outcome = report.posted() + " posted, " + report.failed() + " failed, " + depth + " waiting"
                + (report.breakerOpen() ? ", breaker open" : "");
        if (report.failed() == 0 && !report.breakerOpen()) {
            states.succeeded(SyncKinds.BILLING, started, outcome);
        } else {
            states.failed(SyncKinds.BILLING, started, outcome);
        }
        return report;
    }

    public long lastDepth() {
        return lastDepth.get();
    }

    private void bill(BillingJobs.Job job) {
        String documents = config.accounting().salesDocument();
        UUID counterparty = job.counterpartyKey();
        if (counterparty == null) {
            counterparty = counterpartyOf(job.patientId());
            jobs.counterparty(job.appointmentId(), counterparty);
        }
        UUID document = job.documentKey();
        String number = null;
        boolean fresh = false;
        if (document == null) {
            List<UUID> found = accounting.findByMarker(documents, marker(job.appointmentId()));
            if (found.size() > 1) {
                LOG.errorf("1C:Бухгалтерия holds %d sales documents for visit %s; using the first, the rest need a"
                        + " person", found.size(), job.appointmentId());
            }
            if (found.isEmpty()) {
                Accounting.Created created = accounting.create(documents, document(job, counterparty));
                document = created.key();
                number = created.number();
                fresh = true;
            } else {
                document = found.get(0);
            }
            jobs.created(job.appointmentId(), document);
        }
        if (!fresh) {
            JsonNode current = accounting.get(documents, document)
                    .orElseThrow(() -> new OneCGarbage("the sales document this job created is gone from 1C"));
            number = current.path("Number").asText(null);
            if (current.path("Posted").asBoolean(false)) {
                // Posted by an earlier attempt whose answer never came back.
                jobs.posted(job.appointmentId(), number, clock.instant());
                LOG.infof("visit %s billed: sales document %s was already posted in 1C:Бухгалтерия",
                        job.appointmentId(), document);
                return;
            }
        }
        accounting.post(documents, document);
        jobs.posted(job.appointmentId(), number, clock.instant());
        LOG.infof("visit %s billed: sales document %s posted in 1C:Бухгалтерия", job.appointmentId(), document);
    }

    private UUID counterpartyOf(UUID patientId) {
        var linked = counterparties.find(patientId);
        if (linked.isPresent()) {
            return linked.get();
        }
        String catalog = config.accounting().counterparties();
        List<UUID> found = accounting.findByMarker(catalog, patientMarker(patientId));
        UUID key;
        if (!found.isEmpty()) {
            key = found.get(0);
        } else {
            BookingApi.Patient patient = booking.patient(patientId);
            audit.record(audit.self(), patientId, "patient", patientId, DataAccessed.Action.READ);
            ObjectNode body = mapper.createObjectNode();
            body.put("Description", patient.fullName());
            body.put("НаименованиеПолное", patient.fullName());
            body.put("ЮридическоеФизическоеЛицо", "ФизическоеЛицо");
            body.put(config.accounting().markerField(), patientMarker(patientId));
            audit.record(audit.self(), patientId, "patient", patientId, DataAccessed.Action.EXPORT);
            key = accounting.create(catalog, body).key();
        }
        counterparties.save(patientId, key, clock.instant());
        return key;
    }

    private ObjectNode document(BillingJobs.Job job, UUID counterparty) {
        OneCConfig.Accounting acc = config.accounting();
        ObjectNode doc = mapper.createObjectNode();
        // 1C's OData dates carry no offset: they are the clinic's local time.
        doc.put("Date", job.visitAt().atZone(config.clinicZone()).toLocalDateTime().withNano(0).toString());
        doc.put("ВидОперации", acc.operationKind());
        doc.put("Организация_Key", acc.organizationKey().toString());
        doc.put("Контрагент_Key", counterparty.toString());
        doc.put("СуммаДокумента", job.total());
        doc.put(acc.markerField(), marker(job.appointmentId()));
        ArrayNode lines = doc.putArray("Услуги");
        int line = 1;
        for (VisitFact.Service s : job.services()) {
            ObjectNode l = lines.addObject();
            l.put("LineNumber", String.valueOf(line++));
            l.put("Номенклатура_Key", acc.nomenclature().getOrDefault(s.code(), acc.defaultNomenclature()).toString());
            l.put("Содержание", s.name());
            l.put("Количество", s.quantity());
            l.put("Цена", s.price());
            l.put("Сумма", s.sum());
            l.put("СтавкаНДС", acc.vatRate());
        }
        return doc;
    }

    private void refused(BillingJobs.Job job, OneCRejected e) {
        int rejections = job.rejections() + 1;
        boolean setAside = rejections >= config.billing().maxRejections();
        Duration wait = Backoff.after(rejections, config.billing().retryBackoff(), config.billing().maxBackoff());
        LOG.warnf("visit %s: %s%s", job.appointmentId(), e.getMessage(),
                setAside ? "; set aside after " + rejections + " refusals, see GET /api/integration/status" : "");
        jobs.rejected(job.appointmentId(), job.attempts() + 1, rejections, setAside, clock.instant().plus(wait),
                e.getMessage());
    }

    private void retryLater(BillingJobs.Job job, RuntimeException e) {
        int attempts = job.attempts() + 1;
        Duration wait = Backoff.after(attempts, config.billing().retryBackoff(), config.billing().maxBackoff());
        if (wait.compareTo(config.billing().settle()) < 0) {
            wait = config.billing().settle();
        }
        LOG.infof("visit %s not billed yet (%s); next attempt in %s", job.appointmentId(), Failures.describe(e), wait);
        jobs.retry(job.appointmentId(), attempts, clock.instant().plus(wait), Failures.describe(e));
    }
}

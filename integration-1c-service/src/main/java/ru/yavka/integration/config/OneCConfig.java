package ru.yavka.integration.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the clinic's 1C lives and how its data is named there. Everything the 1C integrator
 * decides (URLs, credentials, paths, field names, catalog keys) is configuration; the README
 * of this module documents each key.
 */
@ConfigMapping(prefix = "yavka.onec")
public interface OneCConfig {

    Medicine medicine();

    Accounting accounting();

    Sync sync();

    Billing billing();

    /** The clinic's zone: 1C times without an offset are read in it, and "today" is taken in it. */
    @WithDefault("Europe/Moscow")
    ZoneId clinicZone();

    /** Purpose recorded in DataAccessed when this service reads or exports personal data itself. */
    @WithDefault("medical-records-exchange")
    String auditPurpose();

    /** Purpose recorded when a staff caller names none (header X-Access-Purpose). */
    @WithDefault("medical-care-scheduling")
    String staffPurpose();

    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * Backstop on every HTTP exchange with 1C. The real limit is each endpoint group's
     * {@code @Timeout}, which the circuit breaker sees; this only guards against a hung socket.
     */
    @WithDefault("60s")
    Duration requestTimeout();

    /** 1C:Медицина, through the HTTP services the clinic's integrator publishes ({@code /hs/<root>}). */
    interface Medicine {

        /** Base of the HTTP service, e.g. {@code https://1c.clinic.local/med/hs/yavka}. */
        URI url();

        Optional<String> username();

        Optional<String> password();

        Paths paths();

        /**
         * 1C's JSON name per logical field ({@code "doctor.fullName"=ФИО}); a field not listed keeps
         * the contract's name. See README for the logical names.
         */
        Map<String, String> fields();

        /** 1C's specialty value → Yavka's code, on top of the codes and Russian names understood anyway. */
        Map<String, String> specialties();

        /** 1C's visit status value → ARRIVED or COMPLETED, on top of those two words themselves. */
        Map<String, String> visitStatuses();

        /** Used when 1C gives a doctor no branch. */
        Optional<String> defaultBranch();

        /** Used when 1C gives a doctor no address. */
        Optional<String> defaultAddress();
    }

    interface Paths {

        @WithDefault("/schedule")
        String schedule();

        /** {@code {id}} is Yavka's appointment id. */
        @WithDefault("/appointments/{id}")
        String appointment();

        @WithDefault("/visits")
        String visits();

        /** {@code {id}} is Yavka's patient id. */
        @WithDefault("/patients/{id}")
        String patient();
    }

    /** 1C:Бухгалтерия through its standard OData v3 interface. */
    interface Accounting {

        /** Base of the OData service, e.g. {@code https://1c.clinic.local/acc/odata/standard.odata}. */
        URI url();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("Document_РеализацияТоваровУслуг")
        String salesDocument();

        @WithDefault("Catalog_Контрагенты")
        String counterparties();

        /**
         * Attribute that carries Yavka's marker ({@code yavka:visit:<appointment id>}); it lets a
         * retry find what an earlier, unanswered attempt created.
         */
        @WithDefault("Комментарий")
        String markerField();

        /** {@code Организация_Key} of the clinic's legal entity. */
        UUID organizationKey();

        @WithDefault("Услуги")
        String operationKind();

        @WithDefault("БезНДС")
        String vatRate();

        /** {@code Номенклатура_Key} per service code of the visit facts. */
        Map<String, UUID> nomenclature();

        /** {@code Номенклатура_Key} for a service code not listed above. */
        UUID defaultNomenclature();
    }

    interface Sync {

        /** Schedule pull period (Quarkus Scheduler syntax; {@code off} disables it). */
        @WithDefault("5m")
        String scheduleEvery();

        @WithDefault("1m")
        String visitsEvery();

        /** Appointment push queue pass. */
        @WithDefault("5s")
        String pushEvery();

        /** Days ahead of today whose schedule is pulled. */
        @WithDefault("14")
        int horizonDays();

        /** Visit facts are read for today and this many days before (late completions). */
        @WithDefault("1")
        int visitDaysBack();

        /** Wait after a failed push before trying it again; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("10s")
        Duration retryBackoff();

        @WithDefault("10m")
        Duration maxBackoff();
    }

    interface Billing {

        /** Billing queue pass (Quarkus Scheduler syntax; {@code off} disables it). */
        @WithDefault("10s")
        String every();

        @WithDefault("20s")
        Duration retryBackoff();

        @WithDefault("30m")
        Duration maxBackoff();

        /**
         * Least wait after an attempt whose outcome 1C never told us: a document 1C was still
         * creating must be visible before the retry looks for it by its marker.
         */
        @WithDefault("20s")
        Duration settle();

        /** A job 1C keeps refusing (4xx) is set aside after this many attempts and shown in the status. */
        @WithDefault("10")
        int maxRejections();
    }
}

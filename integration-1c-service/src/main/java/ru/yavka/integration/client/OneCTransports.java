package ru.yavka.integration.client;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.integration.config.OneCConfig;

/** The two 1C systems, each with its own base URL and credentials. */
@ApplicationScoped
public class OneCTransports {

    private final OneCHttp medicine;
    private final OneCHttp accounting;

    public OneCTransports(OneCConfig config) {
        this.medicine = new OneCHttp("1C:Медицина", config.medicine().url(), config.medicine().username(),
                config.medicine().password(), config.connectTimeout(), config.requestTimeout());
        this.accounting = new OneCHttp("1C:Бухгалтерия", config.accounting().url(),
                config.accounting().username(), config.accounting().password(), config.connectTimeout(),
                config.requestTimeout());
    }

    public OneCHttp medicine() {
        return medicine;
    }

    public OneCHttp accounting() {
        return accounting;
    }
}

package ru.yavka.integration.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import ru.yavka.integration.config.OneCConfig;

/**
 * The service token and the purpose of access on every call to booking-service, which
 * records that purpose in its own DataAccessed events.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    private final ServiceToken token;
    private final String purpose;

    public ServiceTokenHeaders(ServiceToken token, OneCConfig config) {
        this.token = token;
        this.purpose = config.auditPurpose();
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", token.bearer());
        headers.add("X-Access-Purpose", purpose);
        return headers;
    }
}

package org.camalarm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;

/** Pax Web registers its runtime with "/", then publishes the address, then updates it per servlet. */
class HubEndpointsTest {

    @SuppressWarnings("unchecked")
    private static ServiceReference<HttpServiceRuntime> runtime(Object endpoints) {
        ServiceReference<HttpServiceRuntime> runtime = mock(ServiceReference.class);
        when(runtime.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT))
                .thenReturn(endpoints);
        return runtime;
    }

    @Test
    void listenersHearOfTheAddressWhenItIsPublishedAndOnlyWhenItChanges() {
        HubEndpoints hub = new HubEndpoints();
        AtomicInteger told = new AtomicInteger();
        hub.onChange(told::incrementAndGet);

        ServiceReference<HttpServiceRuntime> paxWeb = runtime("/");
        hub.runtimeBound(paxWeb);
        when(paxWeb.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT))
                .thenReturn(new String[] {"http://0.0.0.0:8181/"});
        hub.runtimeUpdated(paxWeb);
        hub.runtimeUpdated(paxWeb); // a servlet registered: nothing new
        assertEquals(List.of("http://0.0.0.0:8181/"), hub.endpoints());
        assertEquals(2, told.get());

        hub.runtimeGone(paxWeb);
        assertEquals(List.of(), hub.endpoints());
        assertEquals(3, told.get());
    }

    @Test
    void aBetterRuntimeBoundBeforeTheOldOneGoesKeepsItsAddress() {
        HubEndpoints hub = new HubEndpoints();
        ServiceReference<HttpServiceRuntime> old = runtime(List.of("http://0.0.0.0:8080/"));
        ServiceReference<HttpServiceRuntime> better = runtime(List.of("http://0.0.0.0:8181/"));
        hub.runtimeBound(old);
        hub.runtimeBound(better); // greedy: the better one first, then the old one's unbind
        hub.runtimeGone(old);
        assertEquals(List.of("http://0.0.0.0:8181/"), hub.endpoints());
    }
}

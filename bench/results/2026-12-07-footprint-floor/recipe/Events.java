package floor;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class Events {
    @Incoming("events")
    public void on(String event) {
    }
}

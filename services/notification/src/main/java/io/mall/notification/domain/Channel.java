package io.mall.notification.domain;

/** How a notification reaches its user. */
public enum Channel {
    EMAIL(false),
    SMS(true),
    PUSH(true),
    /** the feed in the app ({@code GET /api/v1/notifications}) */
    IN_APP(false);

    private final boolean interrupts;

    Channel(boolean interrupts) {
        this.interrupts = interrupts;
    }

    /** Whether it buzzes a phone, so quiet hours apply to it. */
    public boolean interrupts() {
        return interrupts;
    }

    /** Whether it reaches the user when they are not looking at the app. */
    public boolean reachesOutsideTheApp() {
        return this != IN_APP;
    }
}

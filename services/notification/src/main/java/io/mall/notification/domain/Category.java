package io.mall.notification.domain;

/** What a notification is about; a user chooses channels per category. */
public enum Category {
    ORDERS(true),
    SHIPPING(false),
    /** the account itself: welcome, password changes, sign-ins */
    ACCOUNT_SECURITY(true),
    /** offers and news: sent only to users who opted in */
    MARKETING(false);

    private final boolean mandatory;

    Category(boolean mandatory) {
        this.mandatory = mandatory;
    }

    /**
     * Whether the user must keep a way of hearing about it outside the app: a receipt and a warning
     * about one's account are part of the service, not something to opt out of entirely.
     */
    public boolean mandatory() {
        return mandatory;
    }
}

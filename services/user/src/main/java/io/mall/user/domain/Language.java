package io.mall.user.domain;

/** The languages Mall speaks to its shoppers (page texts, emails, messages). */
public enum Language {
    ko,
    en
}

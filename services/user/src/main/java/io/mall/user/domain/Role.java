package io.mall.user.domain;

/** What an account may do. Every account is a CUSTOMER; staff hold SUPPORT or ADMIN as well. */
public enum Role {
    CUSTOMER,
    SUPPORT,
    ADMIN
}

/** Events of the user service, published on {@code user.events}. */
package io.mall.contracts.user;

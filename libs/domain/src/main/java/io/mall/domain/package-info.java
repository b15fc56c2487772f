/** What every service's domain throws when it refuses; see {@link io.mall.domain.DomainException}. */
package io.mall.domain;

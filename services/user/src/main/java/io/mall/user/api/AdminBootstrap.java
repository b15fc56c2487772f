package io.mall.user.api;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.mall.user.UserConfig;
import io.mall.user.app.Accounts;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Creates the first administrator from configuration ({@code mall.user.admin.email} and
 * {@code .password}, from a Secret in Kubernetes), so nobody needs database access to get started.
 * There is no default password: without both settings no administrator is made.
 */
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent start, UserConfig config, Accounts accounts) throws Throwable {
        if (config.admin().email().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        String email = config.admin().email().get();
        boolean created = VertxContextSupport.subscribeAndAwait(() -> accounts.ensureAdmin(email, config.admin().password().get()));
        if (created) {
            LOG.infof("administrator %s created from configuration", email);
        }
    }
}

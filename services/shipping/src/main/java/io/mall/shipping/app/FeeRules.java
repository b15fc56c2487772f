package io.mall.shipping.app;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.domain.BrokenRule;
import io.mall.domain.NotFound;
import io.mall.shipping.domain.FeeSchedule;
import io.mall.shipping.store.FeeSchedules;
import io.smallrye.mutiny.Uni;

/** The fee rules: read by anyone (fees are no secret), changed by administrators as a new version. */
@ApplicationScoped
public class FeeRules {

    private final FeeSchedules schedules;
    private final ObjectMapper json;

    FeeRules(FeeSchedules schedules, ObjectMapper json) {
        this.schedules = schedules;
        this.json = json;
    }

    public Uni<FeeSchedule> current() {
        return schedules.current();
    }

    public Uni<FeeSchedule> version(int version) {
        return schedules.version(version).map(found -> found.orElseThrow(() -> new NotFound("no fee schedule version " + version)));
    }

    /** Checks the rules as a whole (bands rising, a fee for every zone, ...) and publishes them as the next version. */
    public Uni<FeeSchedule> publish(JsonNode rules, String by) {
        FeeSchedule schedule;
        try {
            schedule = json.treeToValue(rules, FeeSchedule.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            BrokenRule rule = cause(e);
            String why = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw rule != null ? rule : new BrokenRule("rules", "are not a fee schedule: " + why);
        }
        return schedules.publish(schedule, by);
    }

    private static BrokenRule cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokenRule rule) {
                return rule;
            }
        }
        return null;
    }
}

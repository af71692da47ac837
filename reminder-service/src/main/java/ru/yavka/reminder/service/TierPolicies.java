package ru.yavka.reminder.service;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.reminder.config.ReminderConfig;

/**
 * The touch sequence per no-show-risk tier, read and checked once at start-up: a typo in the
 * configuration must stop the service, not silently skip a reminder.
 */
@ApplicationScoped
public class TierPolicies {

    private final Map<String, List<TouchRule>> tiers;
    private final String defaultTier;
    private final QuietHours quietHours;
    private final ReminderTexts texts;
    private final TouchPlanner planner;

    public TierPolicies(ReminderConfig config) {
        this.texts = new ReminderTexts(config.zone());
        this.quietHours = new QuietHours(config.quietHours().enabled(), config.quietHours().start(),
                config.quietHours().end(), config.zone());
        this.planner = new TouchPlanner(quietHours);
        this.defaultTier = config.defaultTier();
        this.tiers = new LinkedHashMap<>();
        config.tiers().forEach((name, tier) -> tiers.put(name, rules(name, tier)));
        if (!texts.hasTemplate(config.noShow().followupTemplate())) {
            throw new IllegalStateException("yavka.reminder.no-show.followup-template '"
                    + config.noShow().followupTemplate() + "' is not in " + ReminderTexts.BUNDLE);
        }
        if (!tiers.containsKey(defaultTier)) {
            throw new IllegalStateException("yavka.reminder.default-tier '" + defaultTier + "' has no touches configured");
        }
    }

    /** Today every appointment gets the default tier; risk scoring will choose another one later. */
    public String tierForNewAppointment() {
        return defaultTier;
    }

    public List<TouchRule> rules(String tier) {
        return tiers.getOrDefault(tier, tiers.get(defaultTier));
    }

    public TouchPlanner planner() {
        return planner;
    }

    public QuietHours quietHours() {
        return quietHours;
    }

    public ReminderTexts texts() {
        return texts;
    }

    private List<TouchRule> rules(String tierName, ReminderConfig.Tier tier) {
        Set<String> kinds = new HashSet<>();
        List<TouchRule> rules = tier.touches().stream()
                .map(t -> new TouchRule(t.kind(), t.offset(), t.template().orElse(null), t.buttons().orElse(List.of())))
                .toList();
        for (TouchRule rule : rules) {
            String where = "yavka.reminder.tiers." + tierName + " touch " + rule.kind();
            if (!kinds.add(rule.kind()) || TouchRule.NO_SHOW_FOLLOWUP.equals(rule.kind())) {
                throw new IllegalStateException(where + ": kind is repeated or reserved");
            }
            if (rule.isNoShowCheck()) {
                if (rule.offset().isNegative() || rule.offset().isZero()) {
                    throw new IllegalStateException(where + ": the no-show check must come after the start");
                }
                continue;
            }
            if (!rule.offset().isNegative()) {
                throw new IllegalStateException(where + ": a message must come before the start");
            }
            if (rule.template() == null || !texts.hasTemplate(rule.template())) {
                throw new IllegalStateException(where + ": template '" + rule.template() + "' is not in "
                        + ReminderTexts.BUNDLE);
            }
            if (!TouchRule.KNOWN_BUTTONS.containsAll(rule.buttons())) {
                throw new IllegalStateException(where + ": buttons must be among " + TouchRule.KNOWN_BUTTONS);
            }
        }
        return rules;
    }
}

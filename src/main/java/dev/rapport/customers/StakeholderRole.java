package dev.rapport.customers;

/**
 * A contact's part in an organization's buying decision (决策链中的角色): the decision maker
 * (决策者) signs, influencers (影响者) shape the choice, users (使用者) live with it, gatekeepers
 * (把关者) control access and the champion (内线) sells for us from the inside.
 */
public enum StakeholderRole {
    DECISION_MAKER, INFLUENCER, USER, GATEKEEPER, CHAMPION;

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The role for a key (also with underscores or in Chinese), or null when the text names none. */
    public static StakeholderRole parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase().replace('_', '-');
        for (StakeholderRole r : values()) {
            if (r.key().equals(t)) {
                return r;
            }
        }
        return switch (t) {
            case "决策者" -> DECISION_MAKER;
            case "影响者" -> INFLUENCER;
            case "使用者" -> USER;
            case "把关者" -> GATEKEEPER;
            case "内线", "支持者/内线" -> CHAMPION;
            default -> null;
        };
    }
}

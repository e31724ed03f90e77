package dev.rapport.activities;

public enum ActivityType {
    NOTE, CALL, VISIT, MEETING, TASK;

    public String key() {
        return name().toLowerCase();
    }

    public static ActivityType parse(String text) {
        if (text == null) {
            return null;
        }
        for (ActivityType t : values()) {
            if (t.key().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        return null;
    }
}

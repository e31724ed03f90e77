package dev.rapport.platform;

/** ETags are the record's version in quotes; If-Match may carry a weak or strong form. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client expects, from If-Match, or the body's version when there is no header. */
    public static long expectedVersion(String ifMatch, Long bodyVersion, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.equals("*")) {
                return currentVersion;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                long v = Long.parseLong(tag);
                if (v != currentVersion) {
                    throw new PreconditionFailedException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new PreconditionFailedException();
            }
        }
        return bodyVersion == null ? currentVersion : bodyVersion;
    }
}

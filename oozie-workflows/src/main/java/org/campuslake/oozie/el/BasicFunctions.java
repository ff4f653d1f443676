package org.campuslake.oozie.el;

/** Oozie's functions without a prefix (the subset of its basic EL functions the apps may use). */
public final class BasicFunctions {
    private BasicFunctions() {}

    public static String concat(String a, String b) {
        return (a == null ? "" : a) + (b == null ? "" : b);
    }

    public static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    public static String replaceAll(String s, String regex, String replacement) {
        return s == null ? "" : s.replaceAll(regex, replacement == null ? "" : replacement);
    }

    public static String firstNotNull(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }
}

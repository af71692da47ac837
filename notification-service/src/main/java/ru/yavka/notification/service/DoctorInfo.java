package ru.yavka.notification.service;

/** How an alert names a doctor: "Иванова А. П." and "терапевт"; either may be unknown (null). */
public record DoctorInfo(String shortName, String specialty) {

    /** "Иванова Анна Петровна" → "Иванова А. П."; a name of one word stays as it is. */
    public static String shorten(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        String[] parts = fullName.strip().split("\\s+");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(" ").append(parts[i].charAt(0)).append('.');
        }
        return out.toString();
    }

    /** "Иванова А. П. (терапевт)", or whichever part is known. */
    public String label() {
        if (shortName != null && specialty != null) {
            return shortName + " (" + inline(specialty) + ")";
        }
        if (shortName != null) {
            return shortName;
        }
        return specialty != null ? "Врач: " + inline(specialty) : "Врач";
    }

    /** "Терапевт" → "терапевт"; "Оториноларинголог (ЛОР)" keeps its abbreviation. */
    private static String inline(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

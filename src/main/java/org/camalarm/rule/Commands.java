package org.camalarm.rule;

/**
 * The command text a rule or the command topic sends: the four switch commands in upper case,
 * anything else (the name of an {@code http} thing's command) as given, without surrounding blanks.
 */
final class Commands {

    static final String ON = "ON";
    static final String OFF = "OFF";
    static final String TOGGLE = "TOGGLE";
    static final String PULSE = "PULSE";
    private static final String[] SWITCH_COMMANDS = {ON, OFF, TOGGLE, PULSE};

    private Commands() {}

    /** {@code on} → {@code ON} (likewise OFF, TOGGLE, PULSE); other commands stripped, case kept. */
    static String normalize(String command) {
        String c = command.strip();
        for (String known : SWITCH_COMMANDS) {
            if (known.equalsIgnoreCase(c)) {
                return known;
            }
        }
        return c;
    }
}

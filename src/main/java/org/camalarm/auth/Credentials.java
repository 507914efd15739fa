package org.camalarm.auth;

/**
 * A user name and password a sender must present, with HTTP Basic or Digest. The password is
 * never shown: not by {@link #toString()}, not in logs.
 */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=******]";
    }
}

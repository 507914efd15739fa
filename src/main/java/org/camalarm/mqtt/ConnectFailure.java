package org.camalarm.mqtt;

import javax.net.ssl.SSLException;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Why a connection attempt failed, in words for the log and the broker thing's status, and whether
 * trying again soon can help: a refused password or an untrusted certificate stays so until
 * someone changes a configuration, so those are retried only at the longest backoff (no storm).
 *
 * @param permanent true when only a configuration change (ours or the broker's) can cure it
 */
record ConnectFailure(String description, boolean permanent) {

    static ConnectFailure of(Throwable failure, MqttSettings settings, @Nullable String presentedFingerprint) {
        String broker = settings.broker();
        int reason = failure instanceof MqttException e ? e.getReasonCode() : -1;
        switch (reason) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED -> {
                String user = settings.username().isEmpty() ? "no user name" : "user '" + settings.username() + "'";
                return new ConnectFailure(
                        broker + " refused " + user + ": not authorised (MQTT return code " + reason
                                + "); check username and password in camalarm.mqtt",
                        true);
            }
            case MqttException.REASON_CODE_INVALID_CLIENT_ID -> {
                return new ConnectFailure(
                        broker + " refused client id '" + settings.clientId() + "'; set another clientId", true);
            }
            case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION -> {
                return new ConnectFailure(broker + " does not speak MQTT 3.1.1", true);
            }
            default -> {
                // below
            }
        }
        Throwable tls = find(failure, SSLException.class);
        if (tls != null) {
            String hint = presentedFingerprint == null
                    ? ""
                    : "; the broker presented a certificate with SHA-256 fingerprint " + presentedFingerprint
                            + " (set certificateFingerprint to it to trust exactly that certificate, or caFile to"
                            + " its authority)";
            String why = find(failure, java.security.cert.CertPathValidatorException.class) != null
                            || find(failure, java.security.cert.CertPathBuilderException.class) != null
                    ? "its certificate is not issued by a trusted authority"
                    : message(tls);
            return new ConnectFailure("TLS handshake with " + broker + " failed: " + why + hint, true);
        }
        return new ConnectFailure("cannot reach " + broker + ": " + message(failure), false);
    }

    /** The failure and its first cause in one line, e.g. "Unable to connect to server (Connection refused)". */
    static String message(Throwable failure) {
        String own = failure.getMessage();
        String text = own == null ? failure.getClass().getSimpleName() : own;
        Throwable cause = failure.getCause();
        String because = cause == null || cause == failure ? null : cause.getMessage();
        if (because != null && !text.contains(because)) {
            text += " (" + because + ")";
        }
        return text;
    }

    private static @Nullable Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

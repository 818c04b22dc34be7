package io.ottl4j.pdata;

import java.util.Objects;

/** A span's status (OTLP {@code Status}). */
public final class Status {
    public static final int CODE_UNSET = 0;
    public static final int CODE_OK = 1;
    public static final int CODE_ERROR = 2;

    private int code;
    private String message = "";

    /** The proto enum number: 0 unset, 1 ok, 2 error (other numbers are kept as received). */
    public int code() {
        return code;
    }

    public void setCode(int code) {
        this.code = code;
    }

    public String message() {
        return message;
    }

    public void setMessage(String message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    public boolean isEmpty() {
        return code == 0 && message.isEmpty();
    }

    public Status deepCopy() {
        Status c = new Status();
        c.code = code;
        c.message = message;
        return c;
    }

    @Override
    public String toString() {
        return "Status{" + code + (message.isEmpty() ? "" : ", " + message) + "}";
    }
}

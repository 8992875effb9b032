package org.mppfw.api.config;

/** The kind of value a parameter holds; the store validates values against it. */
public enum ParameterType {
    /** Free text. */
    STRING,
    /** {@code Yes} or {@code No}. */
    BOOLEAN,
    /** A decimal integer within the definition's range. */
    INTEGER,
    /** One of the definition's choices. */
    CHOICE,
    /** Delays in seconds: {@code N}, a list {@code N,M,...}, each element optionally {@code N+R}. */
    DELAY_LIST,
    /** A list of integers separated by commas, such as DHCP option codes. */
    INTEGER_LIST,
    /** A profile script (rule), checked by the provisioning engine, not by the store. */
    RULE,
    /** A time of day {@code HHmm} from 0000 to 2400, or empty. */
    TIME_OF_DAY
}

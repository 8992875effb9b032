package org.mppfw.api.config;

/** A single parameter write was refused: unknown name, invalid value, or no access. */
public class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ParameterException(String message) {
        super(message);
    }
}

package org.mppfw.testbundle;

/** A component whose activation fails: a firmware image with it must be rolled back. */
public class Broken {

    public void activate() {
        throw new IllegalStateException("this component never activates");
    }
}

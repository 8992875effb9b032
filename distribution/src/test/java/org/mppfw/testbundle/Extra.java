package org.mppfw.testbundle;

/**
 * The component of a bundle that test images add and remove. Packed into a bundle jar by the
 * upgrade tests; it references only the JDK so that it runs in any bundle.
 */
public class Extra {

    public void activate() {
        System.setProperty("mppfw.test.extra.active", "true");
    }

    public void deactivate() {
        System.clearProperty("mppfw.test.extra.active");
    }
}
